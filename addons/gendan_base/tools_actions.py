"""Window actions the Gendan modules share."""


def form_action(res_model, res_id):
    """The form of one record, opened in the main area: the "Open" button of
    every line that points at a document (copies, mail replies, contact
    log lines)."""
    return {"type": "ir.actions.act_window", "res_model": res_model,
            "res_id": res_id, "view_mode": "form",
            "views": [(False, "form")], "target": "current"}
