"""11.0.1.3.0: a statement is also stated in the partner's currency. The
statements prepared before were stated in the company currency: their figures
in the statement currency are the company figures they had."""

FIGURES = ("amount_delivered", "amount_uninvoiced", "opening_balance",
           "invoiced_amount", "credit_note_amount", "payment_amount",
           "other_amount", "closing_balance")


def migrate(cr, version):
    if not version:
        return
    # column names from FIGURES, no value from outside
    query = "UPDATE gendan_statement SET statement_currency_id = currency_id, %s " \
            "WHERE statement_currency_id IS NULL" % ", ".join(
                "%s_currency = %s" % (name, name) for name in FIGURES)
    cr.execute(query)  # pylint: disable=sql-injection
