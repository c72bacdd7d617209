"""Make the main company of a database Chinese before `account` is installed.

Run on a database that has only `base` (with its demo data): the main
company's country becomes China and its currency the yuan (CNY). Installing
`account` afterwards then sets up the books the way a Chinese factory gets
them: account's post-init hook installs the chart of the company's country
(l10n_cn, which auto-installs l10n_cn_small_business, a CNY chart).

    python compat/china_company.py DATABASE
"""
import sys

import psycopg2

SQL_REF = "SELECT res_id FROM ir_model_data WHERE module = 'base' AND name = %s"


def china_company(dbname):
    with psycopg2.connect(dbname=dbname) as conn, conn.cursor() as cr:
        ids = {}
        for name in ("main_company", "cn", "CNY"):
            cr.execute(SQL_REF, (name,))
            row = cr.fetchone()
            if not row:
                raise SystemExit("%s: base.%s not found (is base installed?)"
                                 % (dbname, name))
            ids[name] = row[0]
        cr.execute("SELECT 1 FROM ir_module_module "
                   "WHERE name = 'account' AND state = 'installed'")
        if cr.fetchone():
            raise SystemExit("%s: account is installed already, the chart is chosen"
                             % dbname)
        cr.execute("UPDATE res_currency SET active = true WHERE id = %s", (ids["CNY"],))
        cr.execute("UPDATE res_company SET currency_id = %s WHERE id = %s",
                   (ids["CNY"], ids["main_company"]))
        # res.company.country_id is the (unstored) country of its partner
        cr.execute("UPDATE res_partner SET country_id = %s WHERE id = "
                   "(SELECT partner_id FROM res_company WHERE id = %s)",
                   (ids["cn"], ids["main_company"]))


if __name__ == "__main__":
    china_company(sys.argv[1])
