"""MkDocs glue, the only `hooks:` entry: each handler hands its event to hooks/alliance_mkdocs/
(the one package that knows MkDocs and Material) or to the domain in hooks/alliance_site/.

on_config loads data/; on_files adds the generated pages and writes the other generated files;
page bodies are wrapped by the domain's templates and given their JSON-LD; Material's search
indexes pages through search_sections (in a worker process during `mkdocs build`);
pages are written without their templates' indentation and with soft hyphens in the long words
of headings;
on_post_build writes _headers with the CSP. Under `mkdocs serve --dirty` (`make serve`) only what
changed since the last build is rebuilt. Editing Python needs a restart of `mkdocs serve`
(hooks import once), which is why all state is in one object, `state`.
"""

from __future__ import annotations

from alliance_mkdocs import files as site_files
from alliance_mkdocs import headers, search, serve
from alliance_mkdocs.html_whitespace import collapse_whitespace
from alliance_mkdocs.hyphenation import hyphenate_headings
from alliance_mkdocs.page_files import prune_nav, source_uri
from alliance_mkdocs.state import HookState
from alliance_mkdocs.theme_env import share_template_helpers
from alliance_site import worker
from alliance_site.publish import jsonld, urls
from alliance_site.publish.feeds import page_feeds
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("alliance")
state = HookState()


def on_startup(command, dirty):
    state.start(command, dirty)


def on_serve(server, config, builder):
    return serve.poll_data_often(server, state.data_dir(config))


def on_shutdown():
    worker.stop()


def on_config(config):
    build = state.load(config)
    if state.theme_listing is not None:
        state.theme_listing.attach(config.theme)
    if config.nav:
        config.nav = prune_nav(config.nav, {source_uri(url) for url in build.pages})
    if (logo := build.logo_url()) is not None:  # header, favicon and Open Graph image
        config.theme["logo"] = config.theme["favicon"] = logo
    for problem in build.warnings:
        (log.warning if problem.severity == "warning" else log.info)(problem.format())
    return config


def on_pre_build(config):
    search.use_sectioned_index(config)


def on_files(files, config):
    return site_files.add_files(state, files, config)


def on_env(env, config, files):
    env.globals["alliance"] = state.build.site.alliance
    env.globals["alliance_feeds"] = page_feeds(state.build.site, "404.html")  # pages without a context of their own
    share_template_helpers(env)  # the footer's phone link by the cards' rule, urls for the frame's links
    env.globals["guide_url"] = urls.GUIDE if urls.GUIDE in state.build.pages else None  # search's empty result
    if state.theme_bytecode is not None:
        # MkDocs makes a new Jinja environment for every rebuild; `mkdocs serve` keeps its bytecode.
        env.bytecode_cache = state.theme_bytecode
    return env


def on_page_content(html, page, config, files):
    return state.build.page_body(page.url, html)


def on_page_context(context, page, config, nav):
    site = state.build.site_for(page.url)
    context["alliance_jsonld"] = jsonld.for_page(site, page.url)
    context["alliance_feeds"] = page_feeds(site, page.url)
    return context


def on_build_error(error):
    state.failed()


@event_priority(-100)  # last, so the page is as it will be written
def on_post_page(output, page, config):
    output = collapse_whitespace(hyphenate_headings(output))
    headers.scan_page(state, output, page.file.dest_uri)
    return output


def on_post_template(output_content, template_name, config):
    return collapse_whitespace(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    site_files.wait_for_files(state)
    state.finish()
    if not state.serving:
        headers.write_headers(state, config)
