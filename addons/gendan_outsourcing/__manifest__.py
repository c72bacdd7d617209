{
    "name": "Gendan Outsourcing",
    "summary": "Outsourcing list (外协采购清单) on purchase orders with its "
               "material list and sign-off, outsourced milestones on the T&A "
               "line, packaging specification to the packaging subcontractor",
    "version": "11.0.1.0.1",
    "category": "Gendan",
    "website": "https://github.com/gendan/gendan",
    "author": "Gendan",
    "license": "AGPL-3",
    "depends": [
        "gendan_dispatch",  # QA check on receipts of the outsourced goods
        "gendan_production",
        "purchase",
        "mrp",
        "stock",
    ],
    "data": [
        "security/gendan_outsourcing_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/gendan_signoff_rule_data.xml",
        "data/gendan_distribution_list_data.xml",
        "views/gendan_outsourcing_order_views.xml",
        "views/gendan_packaging_spec_views.xml",
        "views/purchase_order_views.xml",
        "views/product_template_views.xml",
        "views/sale_order_views.xml",
        "views/menus.xml",
        "report/report_outsourcing_order.xml",
        "report/report_packaging_spec.xml",
    ],
    "demo": [
        "demo/outsourcing_demo.xml",
    ],
}
