package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;

/**
 * A real Elasticsearch node whose plugins come from the classpath instead of a plugins/ folder.
 * It lives in this package because the node-construction hooks are package-private.
 */
public final class PortalKbNode extends Node {

    public PortalKbNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, null, new ClasspathPlugins(plugins), true));
    }

    private static final class ClasspathPlugins extends NodeServiceProvider {
        private final Collection<Class<? extends Plugin>> plugins;

        ClasspathPlugins(Collection<Class<? extends Plugin>> plugins) {
            this.plugins = plugins;
        }

        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader ignored) {
            return new MockPluginsService(environment.settings(), environment, plugins);
        }
    }
}
