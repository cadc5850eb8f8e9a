"""Run the translation commands: `new LANG SLUG` and `checked FILE` (command.py)."""

import sys

from .command import main

sys.exit(main())
