{
    "name": "Gendan Dispatch",
    "summary": "The goods' last checks: QA check of finished-goods receipts, "
               "photos confirmed by the customer, pick-up slip (提货单) "
               "with conformity checklist and finance copy",
    "version": "11.0.1.0.0",
    "category": "Gendan",
    "website": "https://github.com/gendan/gendan",
    "author": "Gendan",
    "license": "AGPL-3",
    "depends": [
        "gendan_production",
        "gendan_shipping",
        "mail",
        "mrp",
        "purchase",
        "stock",
    ],
    "data": [
        "security/gendan_dispatch_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_template_data.xml",
        "report/report_pickup_slip.xml",
        "views/gendan_qa_check_views.xml",
        "views/gendan_goods_photo_views.xml",
        "views/gendan_pickup_slip_views.xml",
        "views/mrp_production_views.xml",
        "views/stock_picking_views.xml",
        "views/res_company_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/gendan_dispatch_demo.xml",
    ],
}
