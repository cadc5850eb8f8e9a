"""The plugin's own signal, for a site's plugin that checks settings of its own."""

from blinker import signal

# Sent with the settings while the plugin checks them, at the start of each
# build: each receiver returns a list of (setting, problem) pairs, reported
# with the plugin's own, in one list that stops the build. A setting a
# receiver names is told only the receiver's problems: a site that calls an
# "NNN" phone a placeholder is not also told it is no phone number.
checking_settings = signal("handbook-checking-settings")
