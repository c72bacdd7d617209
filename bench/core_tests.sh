#!/usr/bin/env bash
# Odoo 11's own test suites as the peer's suite: run the tests of the core
# modules Gendan extends on a database WITHOUT gendan (the baseline of this
# Python 3.11 stack) and on one WITH every gendan module and demo data, then
# list the failures of each and the failures gendan adds.
#
#   ./gendan core-tests            both runs, report in docs/core-tests.md
#   ./gendan core-tests baseline   only the run without gendan
#   ./gendan core-tests gendan     only the run with gendan
#   ./gendan core-tests report     rewrite the report from the last runs
#
# Databases: ${GENDAN_CORE_DB_PREFIX}baseline and ${GENDAN_CORE_DB_PREFIX}gendan
# (default prefix gendan_core_; set it to run beside another checkout's run).
#
# The tests run through pytest-odoo on a fully loaded registry. (Odoo 11's
# own `-u X --test-enable` runs a module's tests right after loading that
# module, before the modules that depend on it are loaded: gendan's code
# would not be active while sale's tests run, so it proves nothing.)
# HttpCase tests are skipped (no --odoo-http); YAML tests are not run.
set -euo pipefail
: "${PY:?run through ./gendan core-tests}" "${ROOT:?}"
cd "$ROOT"
CORE="sale sale_stock mrp stock purchase account mrp_repair"
APPS=sale_management,sale_stock,mrp,stock,purchase,account_invoicing,mrp_repair
OUT="$ROOT/.data/core-tests"
PREFIX=${GENDAN_CORE_DB_PREFIX:-gendan_core_}
ADDONS=$("$PY" -c 'import gendan_compat, odoo.addons.base, os; print(os.path.dirname(os.path.dirname(odoo.addons.base.__file__)))')
mkdir -p "$OUT"
mode=${1:-both}

odoo() { "$PY" -m gendan_compat --config="$ROOT/odoo.conf" "$@"; }
dropdb_if() { "$PY" -c 'import sys, psycopg2; c = psycopg2.connect(dbname="postgres"); c.autocommit = True; c.cursor().execute("DROP DATABASE IF EXISTS \"%s\"" % sys.argv[1])' "$1"; }

run_suite() {  # name, gendan modules to install after the apps (may be empty)
    local name=$1 extra=$2 db="${PREFIX}$1" start paths=()
    dropdb_if "$db"
    # base with the company made Chinese (the chart of accounts in CNY),
    # then the apps (the chart is set up when `account` is installed on its
    # own), then the gendan modules, as ./gendan does
    echo "[core-tests] $name: installing $APPS ${extra}"
    odoo -d "$db" -i base --load-language=en_US --stop-after-init --log-level=warn \
        >"$OUT/$name-install.log" 2>&1
    "$PY" "$ROOT/compat/china_company.py" "$db" >>"$OUT/$name-install.log" 2>&1
    odoo -d "$db" -i "$APPS" --stop-after-init --log-level=warn \
        >>"$OUT/$name-install.log" 2>&1
    if [ -n "$extra" ]; then
        odoo -d "$db" -i "$extra" --stop-after-init --log-level=warn \
            >>"$OUT/$name-install.log" 2>&1
    fi
    for mod in $CORE; do paths+=("$ADDONS/$mod/tests"); done
    echo "[core-tests] $name: pytest over the tests of $CORE"
    start=$(date +%s)
    "$PY" -m pytest --odoo-database="$db" --odoo-config="$ROOT/odoo.conf" \
        --odoo-log-level=critical -q -rfE "${paths[@]}" >"$OUT/$name-tests.log" 2>&1 || true
    echo "[core-tests] $name: $(( $(date +%s) - start ))s: $(tail -1 "$OUT/$name-tests.log")"
    grep -oE "^(FAILED|ERROR) [^ ]+" "$OUT/$name-tests.log" \
        | sed -E "s#[^ ]*odoo/addons/##" | sort -u >"$OUT/$name-failures.txt" || true
}

report() {
    local new; new=$(comm -13 "$OUT/baseline-failures.txt" "$OUT/gendan-failures.txt")
    {
        echo "# Odoo 11 core test suites with and without Gendan"
        echo
        echo "Run on $(date -u +%Y-%m-%d) on $(uname -m), $(nproc) cores, $("$PY" -V),"
        echo "commit $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" log -1 --format=%s | cut -c1-70))."
        echo "Modules tested: \`$CORE\` (pytest-odoo on a fully loaded registry)."
        echo "Command: \`./gendan core-tests\`; logs in \`.data/core-tests/\`."
        echo
        echo "## Baseline: failing without gendan (this Python 3.11 stack)"
        echo "$(tail -1 "$OUT/baseline-tests.log")"
        echo; sed 's/^/- /' "$OUT/baseline-failures.txt"; echo
        echo "## With every gendan module and demo data"
        echo "$(tail -1 "$OUT/gendan-tests.log")"
        echo; sed 's/^/- /' "$OUT/gendan-failures.txt"; echo
        echo "## Failures gendan adds"
        echo
        if [ -z "$new" ]; then echo "None."; else echo "$new" | sed 's/^/- /'; fi
        [ -f "$ROOT/bench/core_tests_notes.md" ] && { echo; cat "$ROOT/bench/core_tests_notes.md"; }
    } >"$ROOT/docs/core-tests.md"
    echo "[core-tests] report: docs/core-tests.md"
    [ -z "$new" ]
}

mods=$(ls -d addons/gendan_*/ | xargs -n1 basename | paste -sd,)
case "$mode" in
    baseline) run_suite baseline "" ;;
    gendan) run_suite gendan "$mods" ;;
    both) run_suite baseline ""; run_suite gendan "$mods"; report ;;
    report) report ;;
    *) echo "usage: ./gendan core-tests [both|baseline|gendan|report]"; exit 2 ;;
esac
