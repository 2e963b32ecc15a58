"""The partner import keeps no tables of its own: the accounts it creates wait for their owner through an
accounts.Invitation of kind "imported account"."""
