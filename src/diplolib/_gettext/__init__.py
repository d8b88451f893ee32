"""The runtime catalog machinery behind diplolib's UI strings.

Reading ``.po`` (:mod:`.po`) and ``.mo`` (:mod:`.mo`) files, evaluating
``Plural-Forms`` rules safely (:mod:`.plural`), formatting ``{name}``
templates without attribute access (:mod:`.template`), and layering catalogs
into the chains :mod:`diplolib.i18n` serves (:mod:`.catalogs`). Translator
tooling (extract, update, check, compile) lives in ``diplolib._catalog_tools``
and content PO exchange in :mod:`diplolib.po`; both build on this package, and
this package imports neither.
"""
