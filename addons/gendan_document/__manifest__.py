{
    "name": "Gendan Document Control",
    "summary": "Register of controlled documents: numbering by type and year, "
               "revisions, archive by year / month / order, distribution "
               "and recall",
    "version": "11.0.1.0.0",
    "category": "Gendan",
    "website": "https://github.com/gendan/gendan",
    "author": "Gendan",
    "license": "AGPL-3",
    "depends": [
        "gendan_base",
        "gendan_order",
        "gendan_production",
        "gendan_shipping",
        "report_xlsx",
    ],
    "data": [
        "security/ir.model.access.csv",
        "data/gendan_distribution_list_data.xml",
        "data/gendan_document_type_data.xml",
        "views/gendan_document_views.xml",
        "views/gendan_document_type_views.xml",
        "views/gendan_document_source_views.xml",
        "views/sale_order_views.xml",
        "views/menus.xml",
        "report/report_document_index.xml",
    ],
    "demo": [
        "demo/gendan_document_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
}
