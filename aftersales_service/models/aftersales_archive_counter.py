from odoo import api, fields, models


class AftersalesArchiveCounter(models.Model):
    """Last index number used per project and category (R36).

    One row per (project, category), bumped with an atomic upsert (no max()+1): PostgreSQL locks
    the row until the transaction ends, so a second transaction filing into the same section
    waits, is then aborted with a serialization failure and retried by Odoo (as for a no-gap
    ir.sequence) instead of drawing the same number; a rolled-back filing gives its number back,
    so there is no gap. `tests/bench_archive_numbering.py` checks this with parallel writers."""

    _name = "aftersales.archive.counter"
    _description = "Archive Numbering Counter"
    _log_access = False

    project_id = fields.Many2one(
        "aftersales.project", required=True, ondelete="cascade", index=True
    )
    category_id = fields.Many2one("aftersales.archive.category", required=True, ondelete="restrict")
    last_number = fields.Integer(required=True, default=0)

    _sql_constraints = [
        (
            "project_category_uniq",
            "unique(project_id, category_id)",
            "One numbering counter per project and archive category.",
        ),
    ]

    @api.model
    def _reserve(self, counts):
        """Reserve consecutive numbers in several sections at once, with one upsert whatever their
        number. `counts`: {(project id, category id): how many}; returns {key: first number}."""
        if not counts:
            return {}
        keys = sorted(counts)  # a stable order, so concurrent fillings lock rows alike
        values = ", ".join(["(%s, %s, %s)"] * len(keys))
        params = [value for key in keys for value in (*key, counts[key])]
        self.env.cr.execute(
            f"""
            INSERT INTO aftersales_archive_counter AS counter (project_id, category_id, last_number)
                 VALUES {values}
            ON CONFLICT (project_id, category_id)
              DO UPDATE SET last_number = counter.last_number + EXCLUDED.last_number
              RETURNING counter.project_id, counter.category_id, counter.last_number
            """,
            params,
        )
        firsts = {
            (project, category): last - counts[project, category] + 1
            for project, category, last in self.env.cr.fetchall()
        }
        self.invalidate_model(["last_number"])
        return firsts
