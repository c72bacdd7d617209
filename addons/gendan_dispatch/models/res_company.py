from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    gendan_qa_receipt_required = fields.Boolean(
        "QA Check Before Finished Goods Enter Stock", default=True,
        help="Manufacturing orders of controlled orders are not finished, and "
             "receipts of goods bought for them not validated, before QA "
             "passed them (经QA检验合格后入库).")
    gendan_pickup_slip_required = fields.Boolean(
        "Pick-up Slip Before Delivery", default=True,
        help="Deliveries of controlled orders are validated only on a pick-up "
             "slip (提货单) issued by the merchandiser.")
