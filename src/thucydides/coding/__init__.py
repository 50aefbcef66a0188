"""The coding stage: parsed, actor-resolved text -> PLOVER/CAMEO event mentions.

- :mod:`~thucydides.coding.ontology`: PLOVER types, modes, contexts and scores; CAMEO codes,
  Goldstein scores and quad classes (data files).
- :mod:`~thucydides.coding.lexicon`: the trigger lexicon (data file, user-extensible).
- :mod:`~thucydides.coding.coder`: the rule coder (triggers, roles, aux, dates).
- :mod:`~thucydides.coding.aux`, :mod:`~thucydides.coding.coref`,
  :mod:`~thucydides.coding.contexts`: its parts.
"""
