"""The demo data, as plain Python values: who and what `manage.py seed_demo` puts into the portal.

Code lives in `demo/services.py`; the modules here only describe a believable Lower Saxony, one area each.
People are named by e-mail address, organisations, regions and offers by name or title, occupations by KldB 2010
code; dates count days from the day of seeding. Every person is made up (all at demo.example.org).
"""
