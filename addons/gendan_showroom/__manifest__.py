{
    "name": "Gendan Showroom",
    "summary": "Meeting-room sample machines: asset register, property "
               "register form (财产登记表) signed by merchandiser and finance, "
               "Saturday check, repairs on core maintenance",
    "version": "11.0.1.0.0",
    "category": "Gendan",
    "website": "https://github.com/gendan/gendan",
    "author": "Gendan",
    "license": "AGPL-3",
    "depends": [
        "gendan_order",
        "maintenance",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/gendan_showroom_security.xml",
        "data/ir_sequence_data.xml",
        "data/gendan_signoff_rule_data.xml",
        "data/ir_cron_data.xml",
        "report/report_showroom_register.xml",
        "views/gendan_showroom_machine_views.xml",
        "views/gendan_showroom_register_views.xml",
        "views/gendan_showroom_check_views.xml",
        "views/gendan_sample_register_views.xml",
        "views/res_company_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/gendan_showroom_demo.xml",
    ],
}
