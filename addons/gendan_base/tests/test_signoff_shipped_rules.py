from .common import GendanCase

DEMO_LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
               "engineer", "purchaser", "production", "qa", "packing_wh",
               "electronic_wh", "fg_wh", "finance", "documents_clerk"]


class TestShippedRules(GendanCase):
    """Every shipped sign-off rule set can be completed by the demo users:
    each required role slot is the own role of a demo user, and no demo user
    holds two required roles of one document (one signature per person)."""

    def test_every_required_slot_has_its_own_holder(self):
        users = self.env["res.users"]
        for login in DEMO_LOGINS:
            users |= self.env.ref("gendan_base.user_%s_demo" % login)
        rules = self.env["gendan.signoff.rule"].search([
            ("is_required", "=", True), ("signer_type", "=", "group")])
        self.assertTrue(rules)
        for model in set(rules.mapped("model_id.model")):
            model_rules = rules.filtered(lambda rule, m=model: rule.model == m)
            seen = {}
            for rule in model_rules:
                holders = users.filtered(
                    lambda user, rule=rule: rule.group_id in user._gendan_own_groups())
                self.assertTrue(holders, "%s: nobody holds %s as their own role" % (
                    model, rule.name))
                for user in holders:
                    self.assertNotIn(user, seen, "%s: %s signs %s and %s" % (
                        model, user.login, seen.get(user), rule.name))
                    seen[user] = rule.name
