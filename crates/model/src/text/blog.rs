//! The blog: the listing and topics, an article's byline and dates, sharing, "More posts" and
//! the call to action under an article.

texts! {
    /// The blog's own words (the posts carry theirs).
    pub struct BlogText {
        blog_title: "Blog", "Blog";
        blog_description: "Plain-language articles on back pain, posture, stretching and recovery from our chiropractors and physiotherapist.", "Artículos en palabras sencillas sobre el dolor de espalda, la postura, los estiramientos y la recuperación, de nuestros quiroprácticos y nuestra fisioterapeuta.";
        topic_title: "Articles about {topic}", "Artículos sobre {topic}";
        topic_description: "Plain-language articles about {topic} from our chiropractors and physiotherapist.", "Artículos en palabras sencillas sobre {topic}, de nuestros quiroprácticos y nuestra fisioterapeuta.";
        listing_heading: "Back care articles", "Artículos para cuidar su espalda";
        listing_intro: "Plain-language advice on back pain, posture and recovery, written by our clinicians.", "Consejos sencillos sobre el dolor de espalda, la postura y la recuperación, escritos por nuestro equipo clínico.";
        feed_link: "Follow new articles (Atom feed)", "Siga los artículos nuevos (canal Atom)";
        loading_articles: "Loading articles…", "Cargando artículos…";
        search_label: "Search articles", "Buscar artículos";
        topics_label: "Topics", "Temas";
        all_topics: "All topics", "Todos los temas";
        count_matching: "{n} of {total} articles match", "{n} de {total} artículos coinciden";
        count_all: "{total} articles", "{total} artículos";
        none_match: "No articles match", "Ningún artículo coincide";
        none_match_hint: "Try other words, or a different topic.", "Pruebe con otras palabras o con otro tema.";
        show_all: "Show all posts", "Ver todos los artículos";
        loading_article: "Loading the article…", "Cargando el artículo…";
        article_unavailable: "Article unavailable", "Artículo no disponible";
        by: "By ", "Por ";
        published: "Published ", "Publicado el ";
        updated: "Updated ", "Actualizado el ";
        reviewed_by: "Medically reviewed by ", "Revisión médica: ";
        reviewed_on: " on ", ", el ";
        next_review: "Next review due ", "Próxima revisión: ";
        minutes_read: "{n} min read", "{n} min de lectura";
        share_heading: "Share this article", "Comparta este artículo";
        share: "Share…", "Compartir…";
        copy_link: "Copy link", "Copiar enlace";
        email: "Email", "Correo";
        email_this: " this article", " este artículo";
        copied: "Link copied. You can paste it into a message or email.", "Enlace copiado. Puede pegarlo en un mensaje o correo.";
        copy_failed: "Copying didn't work in this browser. You can copy the address from the address bar.", "No se pudo copiar en este navegador. Puede copiar la dirección de la barra de direcciones.";
        cta_heading: "Questions about your back?", "¿Tiene preguntas sobre su espalda?";
        cta_text: "Our team is happy to talk it through. To book an appointment, call us or send a message and we'll find a time that suits you.", "Con gusto lo hablamos. Para pedir una cita, llámenos o envíenos un mensaje y buscaremos una hora que le convenga.";
        cta_call: "Call ", "Llame al ";
        cta_write: "Write to us", "Escríbanos";
        cta_form: "Or send a short message from here", "O envíe un mensaje corto desde aquí";
        cta_wait: "The form appears here in a moment. If it doesn't, ", "El formulario aparecerá aquí en un momento. Si no aparece, ";
        cta_wait_link: "write to us from the contact page", "escríbanos desde la página de contacto";
        more_posts: "More posts", "Más artículos";
        feed_title: "{clinic}: articles", "{clinic}: artículos";
        /// The feed link's title in every page's head: one word (it is written unquoted).
        feed_link_title: "Articles", "Artículos";
    }
}
