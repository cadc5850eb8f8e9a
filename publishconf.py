"""Settings for publishing (make publish): the local settings, plus these."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402, F403

# Set SITEURL in the environment when the site has a canonical address.
SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
