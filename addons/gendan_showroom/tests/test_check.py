from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import ShowroomCase


class TestCheck(ShowroomCase):

    def _cron(self, day):
        """Run the cron with today frozen at ``day``."""
        with patch.object(fields.Date, "context_today",
                          lambda *args, **kwargs: fields.Date.to_string(day)):
            return self.Check._cron_saturday_check()

    def _todos(self, records, key):
        return self.env["mail.activity"].search([
            ("res_model", "=", records._name), ("res_id", "in", records.ids),
            ("gendan_key", "=", key)])

    def test_saturday_cron_idempotent(self):
        """On a Saturday: one check with a line per machine and one to-do for
        the keeper, however often it runs; another day: nothing."""
        machines = self._in_showroom("RL-C1", "RL-C2")
        saturday = self._saturday()
        for day in (saturday - timedelta(days=1), saturday + timedelta(days=1)):
            self.assertFalse(self._cron(day))
        check = self._cron(saturday)
        self.assertEqual(check.date, fields.Date.to_string(saturday))
        self.assertLessEqual(machines, check.line_ids.mapped("machine_id"))
        self.assertEqual(self._cron(saturday), check)
        self.assertEqual(self.Check.search_count(
            [("date", "=", check.date)]), 1)
        todo = self._todos(check, "showroom_check")
        self.assertEqual((len(todo), todo.user_id, todo.date_deadline),
                         (1, self.merchandiser, check.date))
        self.assertEqual(len(check.line_ids), check.expected_count)

    def test_submit_refused_with_unchecked_machines(self):
        """A check with an unchecked machine is refused, nothing changes."""
        self._in_showroom("RL-C3")
        check = self._cron(self._saturday()).sudo(self.merchandiser)
        check.line_ids[:-1].write({"is_checked": True})
        with self.assertRaises(UserError):
            check.action_submit()
        self.assertEqual(check.state, "draft")
        self.assertFalse(check.user_id)
        with self.assertRaises(AccessError):
            check.sudo(self.production).action_submit()
        with self.assertRaises(AccessError):
            check.line_ids.sudo(self.production).write({"is_checked": True})

    def test_findings(self):
        """Submitted: the missing machine goes to the administration, the
        broken one to repair, the to-do is done, the check is frozen."""
        missing, broken, good = self._in_showroom("RL-C4", "RL-C5", "RL-C6")
        check = self._cron(self._saturday()).sudo(self.merchandiser)
        lines = {line.machine_id: line for line in check.line_ids}
        check.line_ids.write({"is_checked": True})
        lines[missing].write({"is_present": False, "note": "Not on shelf B"})
        lines[broken].write({"is_working": False, "note": "Flickers"})
        lines[good].write({"accessories_complete": False, "note": "Strap missing"})
        check.action_submit()
        self.assertEqual((check.state, check.user_id), ("done", self.merchandiser))
        self.assertEqual(check.expected_count - check.present_count, 1)
        self.assertEqual((check.broken_count, check.incomplete_count), (1, 1))
        self.assertEqual((missing.state, broken.state, good.state),
                         ("missing", "broken", "showroom"))
        todo = self._todos(missing, "showroom_missing")
        self.assertEqual(todo.user_id, self.users["general_manager"])
        self.assertIn("Not on shelf B", todo.note)
        self.assertEqual(broken.sudo().maintenance_ids.description, "Flickers")
        self.assertFalse(self._todos(check, "showroom_check"))
        with self.assertRaises(UserError):
            check.line_ids.write({"is_present": True})
        missing.action_found()
        self.assertEqual(missing.state, "showroom")
        self.assertFalse(self._todos(missing, "showroom_missing"))

    def test_accessories_incomplete_todo(self):
        """Accessories incomplete: a to-do for the showroom keeper on the
        machine, with the finding; a later check finding them complete marks
        it done. The check stays frozen; the machine stays in the showroom."""
        machine, = self._in_showroom("RL-C7")
        saturday = self._saturday()
        check = self._cron(saturday).sudo(self.merchandiser)
        check.line_ids.write({"is_checked": True})
        line = check.line_ids.filtered(lambda rec: rec.machine_id == machine)
        line.write({"accessories_complete": False, "note": "Remote missing"})
        check.action_submit()
        todo = self._todos(machine, "showroom_accessories")
        self.assertEqual((len(todo), todo.user_id), (1, self.merchandiser))
        self.assertIn("Remote missing", todo.note)
        self.assertEqual(machine.state, "showroom")
        # a production user cannot press the check's button
        with self.assertRaises(AccessError):
            check.sudo(self.production).action_submit()
        later = self._cron(saturday + timedelta(days=7)).sudo(self.merchandiser)
        later.line_ids.write({"is_checked": True})
        later.action_submit()
        self.assertFalse(self._todos(machine, "showroom_accessories"))
