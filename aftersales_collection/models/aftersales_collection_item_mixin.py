from odoo import api, models


class AftersalesCollectionItemMixin(models.AbstractModel):
    """What a retention dispute (R32) or a collection escalation (R33) is about: retention money
    (``retention_id``) or a final contract invoice (``move_id``), exactly one of them. The models
    declare those two fields and ``project_id`` / ``company_id`` computed by
    ``_compute_item_links``; the logic that reads "the retention or the invoice" is here, once."""

    _name = "aftersales.collection.item.mixin"
    _description = "Retention or Final Invoice"

    def _item(self):
        """The retention money or the final invoice this record is about."""
        self.ensure_one()
        return self.retention_id or self.move_id

    def _item_name(self):
        self.ensure_one()
        return self._item().name or "…"

    @api.depends("retention_id.project_id", "move_id.aftersales_project_id")
    def _compute_item_links(self):
        for record in self:
            retention, move = record.retention_id, record.move_id
            record.project_id = retention.project_id or move.aftersales_project_id
            record.company_id = (retention or move).company_id
