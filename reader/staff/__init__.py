"""What staff do in the browser, as plain functions the staff pages call.

The staff area of the app (``reader/ui/staff/``) only draws; the work is here, one
concept a module: ``auth`` (the password and its throttle), ``intake`` (adding and
editing articles), ``status`` (which articles have audio, and whether it is current),
``review`` (written beside spoken, and a sentence heard on its own), ``lexicon_file``
(editing the staff lexicon safely) and ``health`` (the cache, Google, the watcher).
"""
