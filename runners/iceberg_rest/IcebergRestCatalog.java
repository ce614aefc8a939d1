// SPDX-License-Identifier: Apache-2.0
// The local platform's Iceberg REST catalog (`uisctl platform start`, service iceberg-rest).
//
// What the apache/iceberg-rest-fixture image runs (iceberg-open-api's RESTCatalogServer), bound to
// 127.0.0.1 instead of every interface: Iceberg's own REST adapter and servlet (iceberg-core's
// test jar) in Jetty, in front of a catalog configured by CATALOG_* variables as the image reads
// them (CATALOG_WAREHOUSE -> warehouse, CATALOG_IO__IMPL -> io-impl: "__" is "-", "_" is "."),
// by default a JDBC catalog on SQLite. Settings come by environment, not arguments, because they
// hold the store's keys. Run as a single-file source program: java -cp JARS IcebergRestCatalog.java
// PORT (jars from .cache/jars/iceberg-rest, scripts/engines/setup.sh).

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

public class IcebergRestCatalog {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: IcebergRestCatalog PORT");
      System.exit(2);
    }
    Map<String, String> props = new HashMap<>();
    for (Map.Entry<String, String> e : System.getenv().entrySet()) {
      if (e.getKey().startsWith("CATALOG_")) {
        String name = e.getKey().substring("CATALOG_".length());
        props.put(name.replace("__", "-").replace("_", ".").toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    props.putIfAbsent(CatalogProperties.CATALOG_IMPL, JdbcCatalog.class.getName());
    props.putIfAbsent("jdbc.schema-version", "V1");
    Catalog catalog = CatalogUtil.buildIcebergCatalog("rest_backend", props, null);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(catalog))), "/*");
    Server server = new Server(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
    server.setHandler(context);
    server.start();
    System.out.println("Iceberg REST catalog on http://127.0.0.1:" + args[0] + " (" + catalog.name() + ", warehouse "
        + props.get("warehouse") + ")");
    server.join();
  }
}
