#!/bin/sh
# The installed app's msk as a user meets it in a POSIX shell (the release workflow runs this in a
# login shell on macOS and Linux, on Linux with no display): `msk` is the launcher the app installs
# (build/installed-msk.js launcher), its folder given and put first on the PATH after the login
# profile ran, as a user's profile puts it. --version prints; a key piped to `msk add` is
# stored; `msk exec` shows its command's output and passes its exit status on; `msk env` output is
# evaluated by the shell. A throwaway data folder and keychain service; the key is removed after.
set -eu
[ $# -eq 1 ] || { echo 'usage: installed-msk-smoke.sh <launcher folder>' >&2; exit 2; }
PATH="$1:$PATH"
MSK_HOME=$(mktemp -d)
MSK_KEYCHAIN_SERVICE="Model Studio Keys smoke $$"
export PATH MSK_HOME MSK_KEYCHAIN_SERVICE
KEY=sk-0123456789abcdef0123456789abcdef
BASE=https://dashscope-intl.aliyuncs.com/compatible-mode/v1
fail() {
  echo "installed msk: $*" >&2
  exit 1
}

msk --version | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+' || fail '--version printed no version'
printf '%s\n' "$KEY" | msk add --label smoke --region sg --plan payg
msk list --json | grep -q '"label": "smoke"' || fail 'the piped key was not stored'
status=0
out=$(msk exec -- sh -c 'printf "%s" "$OPENAI_BASE_URL"; exit 7') || status=$?
[ "$status" = 7 ] || fail "msk exec passed on exit status $status, not 7"
[ "$out" = "$BASE" ] || fail "msk exec printed '$out', not $BASE"
eval "$(msk env)"
[ "${OPENAI_API_KEY:-}" = "$KEY" ] || fail 'msk env output was not evaluated by the shell'
msk remove smoke --yes
echo "installed msk: every check passed in $(ps -p $$ -o comm= 2>/dev/null || echo sh)"
