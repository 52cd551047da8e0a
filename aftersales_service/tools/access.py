import functools

from odoo.exceptions import AccessError


def internal_only(group="base.group_user"):
    """Decorate a public action (`action_*`) so that only members of `group`, an internal group,
    may call it. Portal and public users call no back-office action, whatever record rules
    let them read (issue 12): their pages go through the portal controllers only."""

    def decorate(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            if not self.env.su and not self.env.user.has_group(group):
                raise AccessError(
                    self.env._(
                        "You are not allowed to do this: %(action)s is for %(group)s only.",
                        action=method.__name__,
                        group=self.env.ref(group).sudo().full_name,
                    )
                )
            return method(self, *args, **kwargs)

        return guarded

    return decorate
