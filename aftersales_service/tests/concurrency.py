from contextlib import contextmanager

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase


class CommittedDataCase(TransactionCase):
    """Set-up of the tests that run two real transactions at once (the concurrency tests of
    the addons): the records both transactions see must be committed, so they are created in a
    cursor of their own (Odoo's ``with registry.cursor()`` commits when its block ends without
    error, and rolls back otherwise) and removed again at the end, leaving nothing behind. The
    pattern follows Odoo's stock tests (test_quant: a second ``registry.cursor()`` holding a row
    lock while the test's own transaction works).

    A test class writes ``_create_committed(env)`` (returns the ids it made, kept in
    ``self.ids``) and ``_cleanup_committed(env)``."""

    def _env(self, cr):
        return api.Environment(
            cr,
            SUPERUSER_ID,
            {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True},
        )

    def _create_committed(self, env):
        raise NotImplementedError

    def _cleanup_committed(self, env):
        raise NotImplementedError

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            self.ids = self._create_committed(self._env(cr))
        self.addCleanup(self._run_committed, self._cleanup_committed)

    def _run_committed(self, function):
        with self.registry.cursor() as cr:
            function(self._env(cr))

    @contextmanager
    def _two_transactions(self):
        """Two environments on two real transactions, committed when the block ends (B first,
        then A). A locking regression (B waiting for A's row lock, while A waits for the test
        to go on) fails after 10 s instead of hanging the test run."""
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            for cr in (cr_a, cr_b):
                cr.execute("SET LOCAL lock_timeout = '10s'")
            yield self._env(cr_a), self._env(cr_b)
