"""The Qt renderer: a slide is a QGraphicsScene; views, thumbnails and exports look at it.

Modules: ``scene`` (``SlideScene``: one slide, its build steps and entrance
animations), ``view`` (``SlideView``: a camera on a scene), ``thumbnails``
(scenes as pictures), ``text_item``, ``placeholder``, ``fonts``, the live
charts (``charts`` and the ``chart_*`` modules) and ``pg_compat`` (every use
of pyqtgraph internals). Import from the module that holds a name.
"""
