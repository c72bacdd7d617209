"""Window actions the Gendan modules share."""
import copy


def form_action(res_model, res_id):
    """The form of one record, opened in the main area: the "Open" button of
    every line that points at a document (copies, mail replies, contact
    log lines)."""
    return {"type": "ir.actions.act_window", "res_model": res_model,
            "res_id": res_id, "view_mode": "form",
            "views": [(False, "form")], "target": "current"}


def window_action(env, xmlid):
    """The window action ``xmlid`` as a button returns it: what ``read()``
    gives the user, without the fields the web client does not use
    (``ir.actions.act_window._gendan_button_values``, cached); the caller
    may change the copy it gets."""
    return copy.deepcopy(
        env["ir.actions.act_window"]._gendan_button_values(xmlid))
