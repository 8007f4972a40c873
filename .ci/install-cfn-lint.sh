#!/usr/bin/env bash
# AWS's CloudFormation linter for the synthesized templates: kept if present, else Debian's
# package, else pipx or pip; with none of them, stop and say how to get it.
set -euo pipefail
if command -v cfn-lint > /dev/null; then
  echo "cfn-lint present: $(cfn-lint --version)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  if apt-cache show cfn-lint > /dev/null 2>&1; then
    apt-get install -y -qq --no-install-recommends cfn-lint > /dev/null
    echo "installed $(cfn-lint --version) from Debian"
    exit 0
  fi
fi
if command -v pipx > /dev/null; then
  pipx install --quiet 'cfn-lint>=1,<2'
elif python3 -m pip --version > /dev/null 2>&1; then
  python3 -m pip install --quiet --user 'cfn-lint>=1,<2'
  export PATH="$HOME/.local/bin:$PATH"
fi
if ! command -v cfn-lint > /dev/null; then
  echo "cfn-lint is missing and could not be installed (no Debian package, pipx or pip here)." >&2
  echo "Install it (apt-get install cfn-lint, or pipx install cfn-lint) and run .ci/run again." >&2
  exit 1
fi
echo "installed $(cfn-lint --version)"
