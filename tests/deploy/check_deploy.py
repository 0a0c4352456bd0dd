#!/usr/bin/python3
"""Checks deploy/: the Kubernetes manifests and the Dockerfile (docs/fleet.md).

usage: check_deploy.py DEPLOY_DIR PLAINSIGHT_BINARY

- Every manifest parses (python3-yaml) and passes yamllint (Debian's yamllint).
- Every Kubernetes object validates against the API's own schema as Debian's python3-kubernetes
  ships it (the OpenAPI-generated models of Kubernetes 1.22): no unknown field, every value of
  the declared type, every required field present.
- What the objects refer to exists: Secrets and their keys, ConfigMaps, volume claims, the
  kustomization's files; the worker runs `plainsight worker ... --wait` and has time to stop
  cleanly on SIGTERM; every plainsight option in a container's args is one that
  `plainsight COMMAND --help` lists (commands this build lacks are reported and left out).
- The Dockerfile builds from Debian 12 images, and its runtime stage installs (directly or as a
  dependency) the Debian package of every shared library the plainsight binary links, and the
  dictionaries and text data it reads at run time.

Exit status 0 when everything holds, 1 otherwise (each problem printed).
"""

import os
import re
import subprocess
import sys

import yaml

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def load_manifests(folder):
    docs = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")):
            continue
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            try:
                for i, doc in enumerate(yaml.safe_load_all(f)):
                    if doc is None:
                        continue
                    if not isinstance(doc, dict):
                        problem(path, f"document {i + 1} is not a mapping")
                        continue
                    docs.append((path, doc))
            except yaml.YAMLError as e:
                problem(path, f"not valid YAML: {e}")
    return docs


def run_yamllint(folder):
    try:
        out = subprocess.run(
            ["yamllint", "-f", "parsable", "-d",
             "{extends: default, rules: {line-length: {max: 100}, document-start: disable, "
             "comments: {min-spaces-from-content: 1}, "
             "brackets: {max-spaces-inside: 0}}}", folder],
            capture_output=True, text=True, check=False)
    except FileNotFoundError:
        print("note: yamllint is not installed (scripts/install-deps.sh installs it); "
              "YAML style not checked")
        return
    for line in out.stdout.splitlines():
        problem("yamllint", line)
    if out.returncode not in (0, 1) and out.stderr:
        problem("yamllint", out.stderr.strip())


# --- Kubernetes schema ---------------------------------------------------------------------

def model_class(api_version, kind):
    import kubernetes.client as k8s
    version = api_version.split("/")[-1]
    name = version[0].upper() + version[1:] + kind
    return getattr(k8s, name, None)


PRIMITIVES = {"str": str, "int": int, "bool": bool, "float": (int, float), "object": object,
              "datetime": str, "date": str}


def validate(value, type_name, path):
    import kubernetes.client as k8s
    m = re.fullmatch(r"list\[(.+)\]", type_name)
    if m:
        if not isinstance(value, list):
            problem(path, f"should be a list ({type_name}), not {type(value).__name__}")
            return
        for i, item in enumerate(value):
            validate(item, m.group(1), f"{path}[{i}]")
        return
    m = re.fullmatch(r"dict\(str, (.+)\)", type_name)
    if m:
        if not isinstance(value, dict):
            problem(path, f"should be a mapping ({type_name})")
            return
        for k, v in value.items():
            if not isinstance(k, str):
                problem(path, f"key {k!r} should be a string")
            validate(v, m.group(1), f"{path}.{k}")
        return
    if type_name in PRIMITIVES:
        expected = PRIMITIVES[type_name]
        if type_name == "int" and isinstance(value, bool):
            problem(path, "should be an integer, not a boolean")
        elif not isinstance(value, expected):
            problem(path, f"should be {type_name}, not {type(value).__name__} ({value!r})")
        return
    cls = getattr(k8s, type_name, None)
    if cls is None:
        problem(path, f"unknown schema type {type_name}")
        return
    if not isinstance(value, dict):
        problem(path, f"should be a mapping ({type_name}), not {type(value).__name__}")
        return
    by_json = {json: py for py, json in cls.attribute_map.items()}
    kwargs = {}
    for key, item in value.items():
        if key not in by_json:
            problem(path, f"unknown field '{key}' for {type_name}")
            continue
        py = by_json[key]
        validate(item, cls.openapi_types[py], f"{path}.{key}")
        kwargs[py] = item
    # The generated constructors refuse a missing required field (client-side validation).
    try:
        cls(**kwargs)
    except ValueError as e:
        problem(path, f"{type_name}: {e}")


def check_schema(docs):
    try:
        import kubernetes.client  # noqa: F401
    except ImportError:
        problem("schema", "python3-kubernetes is not installed (scripts/install-deps.sh)")
        return
    for path, doc in docs:
        api, kind = doc.get("apiVersion"), doc.get("kind")
        if not api or not kind:
            problem(path, "no apiVersion or kind")
            continue
        if api.startswith("kustomize.config.k8s.io/"):
            continue
        cls = model_class(api, kind)
        if cls is None:
            problem(path, f"unknown kind {api} {kind}")
            continue
        name = doc.get("metadata", {}).get("name", "?")
        validate(doc, cls.__name__, f"{os.path.basename(path)}:{kind}/{name}")


# --- References and plainsight's own options ----------------------------------------------

def pod_specs(docs):
    for path, doc in docs:
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind in ("Deployment", "Job", "StatefulSet", "DaemonSet"):
            yield path, doc, (spec.get("template") or {}).get("spec") or {}
        elif kind == "CronJob":
            job = (spec.get("jobTemplate") or {}).get("spec") or {}
            yield path, doc, (job.get("template") or {}).get("spec") or {}


def help_text(binary, command, cache={}):
    if command not in cache:
        out = subprocess.run([binary, command, "--help"], capture_output=True, text=True,
                             check=False)
        cache[command] = out.stdout if out.returncode == 0 else None
    return cache[command]


def check_references(folder, docs, binary):
    objects = {(doc.get("kind"), (doc.get("metadata") or {}).get("name")): doc for _, doc in docs}
    for path, doc in docs:
        if doc.get("kind") == "Kustomization":
            for res in doc.get("resources", []):
                if not os.path.exists(os.path.join(folder, res)):
                    problem(path, f"resource {res} does not exist")
    workers = 0
    for path, doc, spec in pod_specs(docs):
        where = f"{os.path.basename(path)}:{doc['kind']}/{doc['metadata']['name']}"
        claims = {}
        for vol in spec.get("volumes", []):
            if "configMap" in vol and ("ConfigMap", vol["configMap"].get("name")) not in objects:
                problem(where, f"volume {vol['name']}: no ConfigMap {vol['configMap'].get('name')}")
            if "secret" in vol and ("Secret", vol["secret"].get("secretName")) not in objects:
                problem(where, f"volume {vol['name']}: no Secret {vol['secret'].get('secretName')}")
            if "persistentVolumeClaim" in vol:
                claim = vol["persistentVolumeClaim"].get("claimName")
                if ("PersistentVolumeClaim", claim) not in objects:
                    problem(where, f"volume {vol['name']}: no PersistentVolumeClaim {claim}")
            claims[vol["name"]] = vol
        for c in spec.get("containers", []):
            env_names = set()
            for e in c.get("env", []):
                env_names.add(e["name"])
                ref = (e.get("valueFrom") or {}).get("secretKeyRef")
                if ref:
                    secret = objects.get(("Secret", ref.get("name")))
                    if secret is None:
                        problem(where, f"env {e['name']}: no Secret {ref.get('name')}")
                    elif ref.get("key") not in {**(secret.get("data") or {}),
                                                **(secret.get("stringData") or {})}:
                        problem(where, f"env {e['name']}: Secret {ref.get('name')} has no key "
                                       f"{ref.get('key')}")
            for m in c.get("volumeMounts", []):
                if m["name"] not in claims:
                    problem(where, f"volume mount {m['name']} names no volume")
            args = c.get("args") or []
            for a in args:
                for var in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", a):
                    if var not in env_names:
                        problem(where, f"args use $({var}), which the container's env lacks")
            if not args:
                continue
            command = args[0]
            text = help_text(binary, command)
            if text is None:
                print(f"note: {where}: this plainsight has no '{command}' command yet; its "
                      f"options are not checked")
            else:
                for a in args[1:]:
                    if a.startswith("--") and not re.search(r"(^|[\s\[|])" + re.escape(a) +
                                                            r"\b", text):
                        problem(where, f"plainsight {command} has no option {a}")
            if command == "worker" and doc["kind"] == "Deployment":
                workers += 1
                if "--wait" not in args:
                    problem(where, "a worker Deployment needs --wait (an exited container is "
                                   "restarted)")
                if spec.get("terminationGracePeriodSeconds", 30) < 10:
                    problem(where, "terminationGracePeriodSeconds too short to stop cleanly")
    if workers == 0:
        problem(folder, "no worker Deployment")


# --- Dockerfile -----------------------------------------------------------------------------

def dpkg_field(package, field):
    out = subprocess.run(["dpkg-query", "-W", "-f", "${" + field + "}", package],
                         capture_output=True, text=True, check=False)
    return out.stdout if out.returncode == 0 else None


def dependency_closure(packages):
    seen, todo = set(), list(packages)
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        depends = dpkg_field(p, "Depends") or ""
        pre = dpkg_field(p, "Pre-Depends") or ""
        for alt in (depends + "," + pre).split(","):
            for choice in alt.split("|"):
                name = choice.strip().split(" ")[0].split(":")[0]
                if name:
                    todo.append(name)
                    break
    return seen


def check_dockerfile(folder, binary):
    path = os.path.join(folder, "Dockerfile")
    if not os.path.exists(path):
        problem(folder, "no Dockerfile")
        return
    text = open(path, encoding="utf-8").read()
    joined = re.sub(r"\\\n", " ", text)
    stages = re.split(r"(?m)^FROM\s+", joined)[1:]
    if not stages:
        problem(path, "no FROM")
        return
    for stage in stages:
        image = stage.split()[0]
        if not re.fullmatch(r"debian:(12|bookworm)(-slim)?(@sha256:[0-9a-f]+)?", image):
            problem(path, f"stage from {image}: only Debian 12 images are allowed")
    runtime = stages[-1]
    packages = set()
    for m in re.finditer(r"apt-get install ([^&;]*)", runtime):
        packages.update(w for w in m.group(1).split() if not w.startswith("-"))
    if "PLAINSIGHT_TEXT_DATA" not in runtime:
        problem(path, "the runtime stage does not set PLAINSIGHT_TEXT_DATA (corpora/text)")
    for data in ("hunspell-en-gb", "myspell-ga", "ca-certificates"):
        if data not in packages:
            problem(path, f"the runtime stage does not install {data}")
    # plainsight execs plainsight-core, beside it, for every command but text, version and help
    # (cli/front_main.cpp): the image needs both, and the libraries of both.
    core = os.path.join(os.path.dirname(binary), "plainsight-core")
    for name in ("plainsight", "plainsight-core"):
        if not re.search(r"COPY --from=\S+ \S*/" + re.escape(name) + r" /usr/bin/" + re.escape(name)
                         + r"\s", runtime):
            problem(path, f"the runtime stage does not copy {name} to /usr/bin/{name}")
    libs = []
    for exe in (binary, core):
        if not os.path.exists(exe):
            problem(exe, "no plainsight executable to check the libraries of")
            return
        ldd = subprocess.run(["ldd", exe], capture_output=True, text=True, check=False).stdout
        libs += re.findall(r"=>\s+(/\S+)", ldd)
    libs = sorted(set(libs))
    closure = dependency_closure(packages)
    missing = set()
    for lib in libs:
        real = os.path.realpath(lib)
        owner = None
        for candidate in (lib, real, lib.replace("/usr/lib/", "/lib/", 1),
                          real.replace("/usr/lib/", "/lib/", 1)):
            out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True,
                                 check=False)
            if out.returncode == 0:
                owner = out.stdout.split(":")[0].strip()
                break
        if owner is None:
            problem(path, f"{lib}: no Debian package owns it")
            continue
        if owner in closure:
            continue
        # Every Debian image has the packages of priority "required" (libc6, libgcc-s1, ...).
        if (dpkg_field(owner, "Priority") or "") == "required":
            continue
        missing.add(owner)
    for owner in sorted(missing):
        problem(path, f"the runtime stage lacks {owner} (plainsight links a library of it)")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    folder, binary = sys.argv[1], sys.argv[2]
    k8s = os.path.join(folder, "kubernetes")
    docs = load_manifests(k8s)
    if not docs:
        problem(k8s, "no manifests")
    run_yamllint(k8s)
    check_schema(docs)
    check_references(k8s, docs, binary)
    check_dockerfile(folder, binary)
    kinds = sorted({d.get("kind", "?") for _, d in docs})
    print(f"{len(docs)} manifests ({', '.join(kinds)}) checked")
    for p in problems:
        print("problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
