import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates the {@code <core>} element of an Artemis broker.xml against the broker's own schema
 * ({@code schema/artemis-configuration.xsd} inside the artemis-server jar), the same check the
 * broker makes when it starts. Run as a single-file program by docker/check.sh:
 *
 * <pre>java docker/check/ValidateBrokerXml.java path/to/artemis-server.jar docker/artemis/broker.xml</pre>
 *
 * Exits 0 when valid, 1 with one line per problem otherwise.
 */
public class ValidateBrokerXml {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ValidateBrokerXml <artemis-server.jar> <broker.xml>");
            System.exit(2);
        }
        URL xsd = new URL("jar:" + new File(args[0]).toURI() + "!/schema/artemis-configuration.xsd");
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = schemas.newSchema(xsd);

        DocumentBuilderFactory builders = DocumentBuilderFactory.newInstance();
        builders.setNamespaceAware(true);
        Document document = builders.newDocumentBuilder().parse(new File(args[1]));
        NodeList cores = document.getElementsByTagNameNS("urn:activemq:core", "core");
        if (cores.getLength() != 1) {
            System.err.println(args[1] + ": expected exactly one <core xmlns=\"urn:activemq:core\">, found "
                    + cores.getLength());
            System.exit(1);
        }

        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(e.getMessage());
            }
        });
        validator.validate(new DOMSource((Element) cores.item(0)));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println(args[1] + ": " + p));
            System.exit(1);
        }
    }
}
