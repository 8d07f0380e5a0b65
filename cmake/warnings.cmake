# The single source of truth for compiler options.
add_library(reckon_options INTERFACE)
target_compile_options(reckon_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(RECKON_WARNINGS_AS_ERRORS)
  target_compile_options(reckon_options INTERFACE -Werror)
endif()
if(RECKON_SANITIZE)
  target_compile_options(reckon_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
  target_link_options(reckon_options INTERFACE -fsanitize=address,undefined)
endif()

# reckon_add_library(NAME SOURCES... DEPS ...) — one static library per pipeline stage.
function(reckon_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE reckon_options)
endfunction()

# reckon_add_unit_test(NAME [LABEL l] SOURCES... DEPS ...) — unit tests beside the code they
# test; LABEL (default "unit") keeps slow suites out of the sanitizer pass.
function(reckon_add_unit_test name)
  if(NOT RECKON_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "LABEL" "SOURCES;DEPS" ${ARGN})
  if(NOT ARG_LABEL)
    set(ARG_LABEL unit)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} reckon_options GTest::gtest GTest::gtest_main)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL}
                       ENVIRONMENT "RECKON_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data")
endfunction()
