"""The demo's fixed names: its network's address, its accounts' shared password and shape.

Kept apart from demo.build so the steps (network, plans, tracking) and the home page's
context processor read them without importing the orchestrator.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "demo-jalon-2024"
NETWORK_SLUG = "rqds-demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    description: str
