from .common import OutsourcingCase


class TestOutsourcingMilestones(OutsourcingCase):
    """The outsourced order on the same cockpit and T&A line."""

    def _tna(self):
        self.order.invalidate_cache()
        return {line.milestone: line.state for line in self.order.sudo(
            self.user_merchandiser).tna_line_ids if line.milestone.startswith(
                "outsource_")}

    def test_milestones_follow_the_list_and_receipts(self):
        self.assertEqual(self._tna(), {})
        outsourcing = self._create_list()
        self.assertEqual(self._tna(), dict.fromkeys(
            ["outsource_signed", "outsource_confirmed", "outsource_produced",
             "outsource_qa", "outsource_delivered"], "todo"))
        self._sign(outsourcing)
        as_purchaser = outsourcing.sudo(self.user_purchaser)
        as_purchaser.action_confirm_purchase()
        as_purchaser.write({"date_factory_finish": "2031-01-01"})
        as_purchaser.action_factory_confirm()
        tna = self._tna()
        self.assertEqual((tna["outsource_signed"], tna["outsource_confirmed"]),
                         ("done", "done"))
        # the factory finishes after the delivery date: late, and a risk
        self.assertTrue(outsourcing.is_late_factory)
        self.assertEqual(tna["outsource_produced"], "late")
        self.assertIn("outsourcing", self.order.risk_codes)
        outsourcing.sudo(self.user_merchandiser).action_factory_finished()
        self.assertEqual(self._tna()["outsource_produced"], "done")
        # the goods arrive and QA passes them (receipt validated)
        receipt = outsourcing.receipt_ids
        self.assertEqual(len(receipt), 1)
        receipt.action_gendan_request_qa()
        receipt.gendan_qa_check_ids.sudo(self.user_qa).action_pass()
        for move in receipt.move_lines:
            move.quantity_done = move.product_uom_qty
        receipt.button_validate()
        tna = self._tna()
        self.assertEqual((tna["outsource_qa"], tna["outsource_delivered"]),
                         ("done", "done"))
        outsourcing.sudo(self.user_merchandiser).action_done()
        self.assertEqual(outsourcing.state, "done")

    def test_open_document_from_tna(self):
        outsourcing = self._create_list()
        line = self.order.sudo(self.user_merchandiser).tna_line_ids.filtered(
            lambda ln: ln.milestone == "outsource_signed")
        action = line.action_open_document()
        self.assertEqual((action["res_model"], action["res_id"]),
                         ("gendan.outsourcing.order", outsourcing.id))
