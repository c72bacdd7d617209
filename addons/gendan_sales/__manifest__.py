{
    "name": "Gendan Sales",
    "summary": "Customer enquiries, factory prices, selling prices signed by the "
               "sales manager, the quotation and the sales contract (购销合同)",
    "version": "11.0.1.1.0",
    "category": "Gendan",
    "website": "https://github.com/gendan/gendan",
    "author": "Gendan",
    "license": "AGPL-3",
    "depends": [
        "gendan_order",
        "sale_stock",
        "purchase",
    ],
    "data": [
        "security/gendan_sales_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/gendan_signoff_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/gendan_enquiry_views.xml",
        "views/purchase_order_views.xml",
        "views/gendan_price_approval_views.xml",
        "views/sale_order_views.xml",
        "views/gendan_sample_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
        "report/report_quotation.xml",
        "report/report_sales_contract.xml",
    ],
    "demo": [
        "demo/gendan_sales_demo.xml",
    ],
}
