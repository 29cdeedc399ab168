"""Reads the XML files docker/check.sh compares (Artemis broker.xml, the Maven POMs) with the
standard library only, and prints the facts as JSON for docker/check/check-config.js.

usage: python3 docker/check/xml_facts.py <repo-root>
A file that does not parse is reported on stderr and the exit code is 1.
"""
import json
import sys
import xml.dom.minidom
from pathlib import Path

CORE = "urn:activemq:core"
POM = "http://maven.apache.org/POM/4.0.0"


def parse(path):
    try:
        return xml.dom.minidom.parse(str(path))
    except Exception as e:  # any parse error: name the file and stop
        print(f"{path}: not well-formed XML: {e}", file=sys.stderr)
        sys.exit(1)


def children(node, ns, name):
    return [c for c in node.childNodes
            if c.nodeType == c.ELEMENT_NODE and c.namespaceURI == ns and c.localName == name]


def child(node, ns, name):
    found = children(node, ns, name)
    return found[0] if found else None


def text(node):
    return "".join(c.data for c in node.childNodes if c.nodeType in (c.TEXT_NODE, c.CDATA_SECTION_NODE)).strip() \
        if node is not None else None


def broker_facts(path):
    doc = parse(path)
    cores = doc.getElementsByTagNameNS(CORE, "core")
    if len(cores) != 1:
        print(f"{path}: expected one <core xmlns=\"{CORE}\">, found {len(cores)}", file=sys.stderr)
        sys.exit(1)
    core = cores[0]
    simple = {}
    for name in ("name", "persistence-enabled", "security-enabled", "populate-validated-user", "journal-type",
                 "paging-directory",
                 "bindings-directory", "journal-directory", "large-messages-directory"):
        simple[name] = text(child(core, CORE, name))

    acceptors = {}
    for acceptor in children(child(core, CORE, "acceptors") or core, CORE, "acceptor"):
        acceptors[acceptor.getAttribute("name")] = text(acceptor)

    address_settings = {}
    settings = child(core, CORE, "address-settings")
    for setting in children(settings, CORE, "address-setting") if settings else []:
        address_settings[setting.getAttribute("match")] = {
            c.localName: text(c) for c in setting.childNodes if c.nodeType == c.ELEMENT_NODE}

    security = {}
    sec = child(core, CORE, "security-settings")
    for setting in children(sec, CORE, "security-setting") if sec else []:
        security[setting.getAttribute("match")] = {
            p.getAttribute("type"): [r.strip() for r in p.getAttribute("roles").split(",") if r.strip()]
            for p in children(setting, CORE, "permission")}

    addresses = []
    addrs = child(core, CORE, "addresses")
    for address in children(addrs, CORE, "address") if addrs else []:
        for routing in ("anycast", "multicast"):
            block = child(address, CORE, routing)
            for queue in children(block, CORE, "queue") if block else []:
                addresses.append({"address": address.getAttribute("name"), "routing": routing,
                                  "queue": queue.getAttribute("name")})
    return {"simple": simple, "acceptors": acceptors, "addressSettings": address_settings,
            "security": security, "queues": addresses}


def pom_facts(root):
    doc = parse(root / "pom.xml")
    project = doc.documentElement
    modules_node = child(project, POM, "modules")
    modules = [text(m) for m in children(modules_node, POM, "module")] if modules_node else []
    parent = child(project, POM, "parent")
    parent_version = text(child(parent, POM, "version")) if parent else None

    hub_final_name, hub_main_class = boot_jar(root / "hub" / "pom.xml")
    link_final_name, link_main_class = boot_jar(root / "agency-link" / "pom.xml")
    return {"modules": modules, "springBootVersion": parent_version, "hubFinalName": hub_final_name,
            "hubMainClass": hub_main_class, "linkFinalName": link_final_name, "linkMainClass": link_main_class}


def boot_jar(pom):
    """finalName and the spring-boot-maven-plugin's mainClass of a module that builds a runnable jar."""
    project = parse(pom).documentElement
    build = child(project, POM, "build")
    final_name = text(child(build, POM, "finalName")) if build else None
    main_class = None
    if build:
        plugins = child(build, POM, "plugins")
        for plugin in children(plugins, POM, "plugin") if plugins else []:
            if text(child(plugin, POM, "artifactId")) == "spring-boot-maven-plugin":
                config = child(plugin, POM, "configuration")
                main_class = text(child(config, POM, "mainClass")) if config else None
    return final_name, main_class


def main():
    root = Path(sys.argv[1])
    facts = {"broker": broker_facts(root / "docker" / "artemis" / "broker.xml"), "pom": pom_facts(root)}
    for module in facts["pom"]["modules"]:
        parse(root / module / "pom.xml")
    json.dump(facts, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
