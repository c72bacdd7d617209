"""Shared world of the gendan_dispatch tests."""
import base64

from odoo import tools

from odoo.addons.gendan_production.tests.common import ProductionCase


class DispatchCase(ProductionCase):
    """A controlled order with an approved task order, its MO (first
    article passed) and its delivery; the last checks switched on."""

    @classmethod
    def setUpClass(cls):
        super(DispatchCase, cls).setUpClass()
        cls._set_last_checks(True)
        cls.customer.lang = "en_US"
        cls.task = cls._approve(cls._create_task_order())
        cls.task.sudo(cls.user_merchandiser).action_create_productions()
        cls.mo = cls.task.production_ids
        cls._pass_first_article(cls.task)
        cls.picking = cls.order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing")
        cls.photo_png = base64.b64encode(tools.file_open(
            "gendan_dispatch/demo/goods_photo.png", "rb").read())

    @classmethod
    def _prepare_delivery(cls, picking):
        """Every quantity done, as the warehouse would."""
        picking.action_assign()
        for move in picking.move_lines:
            move.quantity_done = move.product_uom_qty
        return picking

    def _start_mo(self):
        mo = self.mo.sudo(self.user_production)
        mo.action_assign()
        mo.write({"state": "progress"})
        return mo

    def _pass_qa(self, production):
        check = self.env["gendan.qa.check"].sudo(self.user_production).create(
            {"production_id": production.id, "quantity": production.product_qty})
        check.sudo(self.user_qa).action_pass()
        return check

    def _confirmed_photos(self, order=None):
        """Production asks, the salesperson mails the photos, the customer
        confirms."""
        order = order or self.order
        photo = self.env["gendan.goods.photo"].sudo(self.user_production).create(
            {"sale_order_id": order.id})
        seller = photo.sudo(self.user_salesperson)
        attachment = self.env["ir.attachment"].sudo(self.user_salesperson).create({
            "name": "carton.png", "datas_fname": "carton.png",
            "datas": self.photo_png, "res_model": photo._name, "res_id": photo.id})
        seller.write({"attachment_ids": [(6, 0, attachment.ids)]})
        seller.action_photos_ready()
        self._send_photos(seller)
        seller.write({"customer_reply": "OK to ship"})
        seller.action_customer_confirm()
        return photo

    def _send_photos(self, photo):
        """The composer of "Send to Customer", sent as it opens."""
        action = photo.action_send()
        context = action["context"]
        composer = self.env["mail.compose.message"].sudo(photo.env.user).with_context(
            **context).create({"attachment_ids": context["default_attachment_ids"]})
        composer.onchange_template_id_wrapper()
        composer.send_mail()
        return composer

    def _issued_slip(self, picking=None):
        slip = self.env["gendan.pickup.slip"].sudo(self.user_merchandiser).create(
            {"picking_id": (picking or self.picking).id})
        slip.check_ids.write({"is_ok": True})
        slip.action_issue()
        return slip
