{
    "name": "Gendan Reconciliation",
    "summary": "Monthly customer and supplier statements (业务对账) built from "
               "deliveries, invoices and payments; sign-off, sending, "
               "confirmation and chasing",
    "version": "11.0.1.3.0",
    "category": "Gendan",
    "website": "https://github.com/gendan/gendan",
    "author": "Gendan",
    "license": "AGPL-3",
    "depends": ["gendan_order", "gendan_shipping", "account", "stock", "report_xlsx"],
    "data": [
        "security/gendan_reconcile_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/gendan_signoff_rule_data.xml",
        "data/ir_cron_data.xml",
        "data/gendan_dunning_data.xml",
        "report/report_statement.xml",
        "wizards/gendan_statement_prepare_views.xml",
        "wizards/gendan_statement_schedule_views.xml",
        "views/gendan_statement_views.xml",
        "views/gendan_statement_line_views.xml",
        "views/account_invoice_views.xml",
        "views/res_company_views.xml",
        "views/menus.xml",
        "views/gendan_dunning_level_views.xml",
    ],
    "demo": [
        "demo/gendan_statement_demo.xml",
    ],
    "uninstall_hook": "uninstall_hook",
}
