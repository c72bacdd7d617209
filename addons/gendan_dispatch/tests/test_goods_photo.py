from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DispatchCase

REFUSED = (AccessError, UserError, ValidationError)


class TestGoodsPhoto(DispatchCase):
    """Labelled and lit, photographed by sales, confirmed by the customer."""

    def _request(self):
        return self.env["gendan.goods.photo"].sudo(self.user_production).create(
            {"sale_order_id": self.order.id, "picking_id": self.picking.id})

    def test_request_gives_salesperson_a_todo(self):
        photo = self._request()
        todo = self.env["mail.activity"].search([
            ("res_model", "=", photo._name), ("res_id", "=", photo.id),
            ("gendan_key", "=", "goods_photo")])
        self.assertEqual(todo.user_id, self.user_salesperson)
        seller = photo.sudo(self.user_salesperson)
        with self.assertRefused(UserError):
            seller.action_photos_ready()
        attachment = self.env["ir.attachment"].sudo(self.user_salesperson).create({
            "name": "lamp.png", "datas_fname": "lamp.png", "datas": self.photo_png,
            "res_model": photo._name, "res_id": photo.id})
        seller.write({"attachment_ids": [(6, 0, attachment.ids)]})
        seller.action_photos_ready()
        self.assertEqual(photo.state, "ready")
        self.assertFalse(todo.exists())

    def test_mailed_in_customer_language_with_photos(self):
        """The composer mails the photos to the customer in the customer's
        language; the record is sent, then the answer is recorded."""
        self.env["res.lang"].load_lang("zh_CN")
        self.customer.lang = "zh_CN"
        photo = self._request()
        seller = photo.sudo(self.user_salesperson)
        attachment = self.env["ir.attachment"].create({
            "name": "lamp.png", "datas_fname": "lamp.png", "datas": self.photo_png,
            "res_model": photo._name, "res_id": photo.id})
        seller.write({"attachment_ids": [(6, 0, attachment.ids)]})
        seller.action_photos_ready()
        template = self.env.ref("gendan_dispatch.mail_template_goods_photo")
        self.assertEqual(template.render_template(
            template.lang, photo._name, photo.id), "zh_CN")
        self._send_photos(seller)
        self.assertEqual(photo.state, "sent")
        message = photo.message_ids.filtered("attachment_ids")[:1]
        self.assertIn(self.customer, message.partner_ids)
        self.assertEqual(message.attachment_ids.mapped("datas"), [self.photo_png])
        with self.assertRefused(UserError):
            seller.action_customer_reject()
        seller.write({"customer_reply": "Label must be on the left side"})
        seller.action_customer_reject()
        self.assertEqual(photo.state, "rejected")
        seller.action_photos_ready()
        self._send_photos(seller)
        seller.action_customer_confirm()
        self.assertEqual(photo.state, "confirmed")
        self.assertTrue(photo.date_answered)

    def test_states_only_by_buttons(self):
        photo = self._request()
        for login in ("salesperson", "production", "merchandiser"):
            with self.assertRefused(REFUSED):
                photo.sudo(self.users[login]).write({"state": "confirmed"})
        with self.assertRefused(REFUSED):
            photo.sudo(self.user_qa).action_photos_ready()
        with self.assertRefused(ValidationError):
            self.env["gendan.goods.photo"].sudo(self.user_production).create({
                "sale_order_id": self._create_confirmed_order().id,
                "picking_id": self.picking.id})
        self.assertEqual(photo.state, "requested")
