"""Users, their memberships in organizations with a role, invitations."""
