{
    "name": "Gendan Customer Contact",
    "summary": "One customer contact log: reply clock on customer mail, fax and "
               "phone follow-ups, visit preparation, periodic contact cadence",
    "version": "11.0.1.0.1",
    "category": "Gendan",
    "website": "https://github.com/gendan/gendan",
    "author": "Gendan",
    "license": "AGPL-3",
    "depends": [
        "gendan_order",
        "mail",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/gendan_contact_security.xml",
        "data/ir_cron_data.xml",
        "views/gendan_mail_reply_views.xml",
        "views/gendan_customer_contact_views.xml",
        "views/gendan_visit_minutes_views.xml",
        "views/gendan_contact_log_views.xml",
        "views/res_partner_views.xml",
        "views/mail_activity_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/gendan_contact_demo.xml",
    ],
}
