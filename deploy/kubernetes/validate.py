#!/usr/bin/python3
"""Checks the manifests here offline: each parses as YAML and every field name is one the
Kubernetes API model knows (catches typos such as `readinesProbe`, which kubectl would only report
against a cluster). Needs Debian's python3-kubernetes: apt-get install python3-kubernetes."""
import glob
import os
import sys

import yaml
from kubernetes import client

KINDS = {"Deployment": "V1Deployment", "StatefulSet": "V1StatefulSet", "Service": "V1Service",
         "ConfigMap": "V1ConfigMap", "Secret": "V1Secret"}


def check(value, type_name, path, problems):
    if type_name.startswith("list["):
        for i, item in enumerate(value or []):
            check(item, type_name[5:-1], f"{path}[{i}]", problems)
    elif type_name.startswith("dict("):
        pass  # labels, annotations, data: free-form
    elif hasattr(client, type_name):
        model = getattr(client, type_name)
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a mapping for {type_name}")
            return
        by_json_name = {json: attr for attr, json in model.attribute_map.items()}
        for key, item in value.items():
            if key not in by_json_name:
                problems.append(f"{path}.{key}: no such field in {type_name}")
            else:
                check(item, model.openapi_types[by_json_name[key]], f"{path}.{key}", problems)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    problems = []
    for file in sorted(glob.glob(os.path.join(here, "*.yaml"))):
        for doc in yaml.safe_load_all(open(file, encoding="utf-8")):
            if doc:
                check(doc, KINDS[doc["kind"]], f"{os.path.basename(file)}:{doc['kind']}", problems)
                print(f"{os.path.basename(file)}: {doc['kind']} {doc['metadata']['name']}")
    for problem in problems:
        print("problem:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
