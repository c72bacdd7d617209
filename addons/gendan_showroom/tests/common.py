from datetime import timedelta

from odoo import fields

from odoo.addons.gendan_base.tests.common import GendanCase


class ShowroomCase(GendanCase):
    """Sample machines of a test company set-up, shared by the tests."""

    @classmethod
    def setUpClass(cls):
        super(ShowroomCase, cls).setUpClass()
        cls.Machine = cls.env["gendan.showroom.machine"]
        cls.Register = cls.env["gendan.showroom.register"]
        cls.Check = cls.env["gendan.showroom.check"]
        cls.company = cls.env.user.company_id
        cls.company.write({
            "showroom_keeper_id": cls.users["merchandiser"].id,
            "showroom_admin_user_id": cls.users["general_manager"].id})
        cls.product = cls.env["product.product"].create({
            "name": "Rechargeable Lantern RL-12", "default_code": "RL-12",
            "type": "consu"})
        cls.merchandiser = cls.users["merchandiser"]
        cls.finance = cls.users["finance"]
        cls.production = cls.users["production"]

    def _machine(self, serial, value=120.0, **vals):
        vals.update(product_id=self.product.id, serial_no=serial, value=value,
                    accessories="Charger, strap")
        return self.Machine.sudo(self.merchandiser).create(vals)

    def _register(self, machines, operation="add"):
        return self.Register.sudo(self.merchandiser).create({
            "line_ids": [(0, 0, {"machine_id": machine.id, "operation": operation,
                                 "value": machine.value})
                         for machine in machines]})

    def _signed(self, register):
        register.action_submit()
        register.action_signoff_sign()
        register.sudo(self.finance).action_signoff_sign()
        return register

    def _in_showroom(self, *serials):
        machines = self.Machine.browse()
        for serial in serials:
            machines |= self._machine(serial)
        self._signed(self._register(machines))
        return machines.sudo(self.merchandiser)

    @staticmethod
    def _saturday():
        """The next Saturday after today (a frozen date for the cron)."""
        today = fields.Date.from_string(fields.Date.today())
        return today + timedelta(days=(5 - today.weekday()) % 7 or 7)
