#!/usr/bin/env bash
# Prints a synthetic list of N rows in the canonical columns (invented names).
# Usage: bench/gen_list.sh N > list.csv
set -euo pipefail
awk -v n="${1:?usage: gen_list.sh N}" 'BEGIN {
  split("محمد,أحمد,علي,حسن,حسين,يوسف,إبراهيم,خالد,عمر,عبد الرحمن,نور الدين,فاطمة,زينب,مريم", g, ",");
  split("بانياس,جبلة,اللاذقية,طرطوس,القرداحة,القدموس", p, ",");
  print "record_id,full_name,given_name,father_name,grandfather_name,family_name,mother_name,sex,age,birth_date,death_date,locality,district,governorate,cause,notes";
  srand(42);
  for (i = 1; i <= n; i++) {
    a = g[int(rand() * 14) + 1]; b = g[int(rand() * 11) + 1]; c = g[int(rand() * 11) + 1];
    f = "العائلة" int(rand() * 500);
    printf "R%d,%s %s %s %s,%s,%s,%s,%s,%s,%s,%d,,%02d/03/2025,%s,,,gunshot,\"note, with comma\"\n",
      i, a, b, c, f, a, b, c, f, g[12 + int(rand() * 3)], (rand() < 0.5 ? "M" : "F"),
      int(rand() * 90), 1 + int(rand() * 28), p[int(rand() * 6) + 1];
  }
}'
