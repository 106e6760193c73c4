//! The site's frame and what every page may say: the header, navigation and footer, the
//! language link, loading and error messages, route announcements, the Not Found and offline
//! pages, and the update notice.

texts! {
    /// The site's frame and its messages.
    pub struct SiteText {
        skip_link: "Skip to main content", "Saltar al contenido principal";
        call: "Call", "Llamar";
        nav_label: "Main", "Principal";
        nav_blog: "Blog", "Blog";
        nav_symptoms: "Symptom checklist", "Lista de síntomas";
        nav_visit: "Visit", "Visítenos";
        nav_contact: "Contact", "Contacto";
        footer_phone: "Phone: ", "Teléfono: ";
        footer_visit: "Opening hours and directions", "Horario y cómo llegar";
        footer_disclaimer: "This site offers general information, not a diagnosis or medical advice. In an emergency call ", "Este sitio ofrece información general, no un diagnóstico ni consejo médico. En una emergencia, llame al ";
        /// The language's own name: the words of the language link that leads to it (marked
        /// with its `lang`).
        language_name: "English", "Español";
        /// The language link to an article not yet translated, which leads to this language's
        /// blog: in this language, like `language_name`.
        language_blog_untranslated: "Blog in English (this article is not translated yet)", "Blog en español (este artículo aún no está traducido)";
        /// The language link to a topic, which leads to this language's blog.
        language_blog: "Blog in English", "Blog en español";
        /// Read out before the language link, in the page's language.
        language_link_label: "In Spanish: ", "En inglés: ";
        logo_alt: "The {clinic} logo", "El logotipo de {clinic}";
        loading: "Loading…", "Cargando…";
        loading_part: "Loading {what}…", "Cargando {what}…";
        part_home: "the home page", "la página de inicio";
        part_listing: "the articles", "los artículos";
        part_contact: "the contact form", "el formulario de contacto";
        part_form: "the form", "el formulario";
        part_visit: "the opening hours", "el horario";
        part_checklist: "the checklist", "la lista de síntomas";
        part_failed: "We couldn't load {what}. Your connection may have dropped; check it, then try again.", "No pudimos cargar {what}. Puede que se haya cortado la conexión. Revísela y vuelva a intentarlo.";
        call_instead_before: "If you'd rather talk to someone, call us on ", "Si prefiere hablar con una persona, llámenos al ";
        try_again: "Try again", "Volver a intentar";
        back_to_articles: "Back to all articles", "Volver a todos los artículos";
        urgent: "If you need care urgently, please telephone the clinic or your local emergency number.", "Si necesita atención urgente, llame a la clínica o al número de emergencias de su zona.";
        config_timeout_heading: "This is taking too long", "Esto está tardando demasiado";
        config_timeout: "The site did not load within {seconds} seconds. Your connection may be slow or busy.", "El sitio no cargó en {seconds} segundos. Puede que su conexión sea lenta o esté ocupada.";
        config_server_heading: "Our website is having trouble", "Nuestro sitio web tiene problemas";
        config_server: "The server could not send the site (error {status}). This is on our side, not yours.", "El servidor no pudo enviar el sitio (error {status}). El problema es nuestro, no suyo.";
        offline_heading: "You seem to be offline", "Parece que no tiene conexión";
        config_offline: "We couldn't reach the site. Check your connection.", "No pudimos conectar con el sitio. Revise su conexión.";
        config_broken_heading: "This site is not set up correctly", "Este sitio no está bien configurado";
        config_broken: "The clinic's details could not be loaded, so the site cannot be shown. ", "No se pudieron cargar los datos de la clínica, así que no se puede mostrar el sitio. ";
        config_broken_detail: "Details for the site's maintainer: ", "Datos para quien mantiene el sitio: ";
        article_not_found_heading: "We couldn't find that article", "No encontramos ese artículo";
        list_not_found_heading: "We couldn't find that list of articles", "No encontramos esa lista de artículos";
        not_found_message: "It may have moved, or the link may have a typo.", "Puede que se haya movido o que el enlace tenga un error.";
        article_server: "The server could not send the article (error {status}). This is on our side, not yours. Please try again in a moment.", "El servidor no pudo enviar el artículo (error {status}). El problema es nuestro, no suyo. Vuelva a intentarlo en un momento.";
        list_server: "The server could not send the list of articles (error {status}). This is on our side, not yours. Please try again in a moment.", "El servidor no pudo enviar la lista de artículos (error {status}). El problema es nuestro, no suyo. Vuelva a intentarlo en un momento.";
        article_malformed_heading: "This article's data is damaged", "Los datos de este artículo están dañados";
        list_malformed_heading: "This list of articles' data is damaged", "Los datos de esta lista de artículos están dañados";
        article_malformed: "We received the article, but part of it is not in the shape we expect, so we can't show it safely. The problem: {detail}.", "Recibimos el artículo, pero una parte no tiene la forma esperada y no podemos mostrarlo con seguridad. El problema: {detail}.";
        list_malformed: "We received the list of articles, but part of it is not in the shape we expect, so we can't show it safely. The problem: {detail}.", "Recibimos la lista de artículos, pero una parte no tiene la forma esperada y no podemos mostrarla con seguridad. El problema: {detail}.";
        article_offline: "We couldn't reach the site to load the article. Check your connection, then try again.", "No pudimos conectar con el sitio para cargar el artículo. Revise su conexión y vuelva a intentarlo.";
        list_offline: "We couldn't reach the site to load the list of articles. Check your connection, then try again.", "No pudimos conectar con el sitio para cargar la lista de artículos. Revise su conexión y vuelva a intentarlo.";
        article_timeout: "The article did not arrive within {seconds} seconds. Your connection may be slow or busy. Please try again.", "El artículo no llegó en {seconds} segundos. Puede que su conexión sea lenta o esté ocupada. Vuelva a intentarlo.";
        list_timeout: "The list of articles did not arrive within {seconds} seconds. Your connection may be slow or busy. Please try again.", "La lista de artículos no llegó en {seconds} segundos. Puede que su conexión sea lenta o esté ocupada. Vuelva a intentarlo.";
        navigated_to: "Navigated to {title}", "Página abierta: {title}";
        not_found_title: "Page not found", "Página no encontrada";
        not_found_description: "This page could not be found. Find articles, the symptom checklist and ways to contact the clinic.", "No se encontró esta página. Encuentre artículos, la lista de síntomas y formas de contactar a la clínica.";
        not_found_text: "We couldn't find the page you asked for. It may have moved, or the address may have a typo.", "No encontramos la página que pidió. Puede que se haya movido o que la dirección tenga un error.";
        not_found_blog: "Read the blog", "Lea el blog";
        not_found_symptoms: "Use the symptom checklist", "Use la lista de síntomas";
        not_found_contact: "Contact the clinic", "Contacte a la clínica";
        not_found_call: "Or call us at ", "O llámenos al ";
        offline_title: "You're offline", "No tiene conexión";
        offline_text: "This page isn't saved on this device, and there is no connection to fetch it. It will open once you're back online.", "Esta página no está guardada en este dispositivo y no hay conexión para traerla. Se abrirá cuando vuelva a tener conexión.";
        offline_saved_heading: "Articles saved on this device", "Artículos guardados en este dispositivo";
        offline_saved_none: "None yet. Articles you open while you have a connection are kept here, so you can read them again without one.", "Todavía ninguno. Los artículos que abra con conexión se guardan aquí, para que pueda volver a leerlos sin ella.";
        offline_still_heading: "Still working without a connection", "Lo que funciona sin conexión";
        offline_checklist: "The back pain symptom checklist", "La lista de síntomas del dolor de espalda";
        offline_checklist_after: ", including what to do about warning signs", ", con lo que debe hacer ante los signos de alarma";
        offline_call: "Calling the clinic: ", "Llamar a la clínica: ";
        offline_emergency: "In an emergency, call ", "En una emergencia, llame al ";
        saved_reviewed: "Medically reviewed", "Revisión médica";
        saved_updated: "Updated", "Actualizado";
        saved_published: "Published", "Publicado";
        /// The update notice is made by `src/web/register.js`, which holds these four texts
        /// in both languages (a test proves they are these).
        update_label: "Site update", "Actualización del sitio";
        update_ready: "A new version of the site is ready.", "Hay una nueva versión del sitio.";
        update_reload: "Reload", "Recargar";
        update_reloading: "Reloading…", "Recargando…";
        update_later: "Not now", "Ahora no";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    /// The update notice is made by the page's own script, which cannot read this table: it
    /// holds the same texts, and this proves they stay the same.
    #[test]
    fn the_update_notice_script_holds_these_texts_in_every_language() {
        let script = include_str!("../../../../src/web/register.js");
        for lang in Lang::ALL {
            let text = SiteText::of(lang);
            let line = script
                .lines()
                .find(|line| {
                    line.trim_start()
                        .starts_with(&format!("{}: {{", lang.code()))
                })
                .unwrap_or_else(|| panic!("register.js has no texts for {}", lang.code()));
            for (name, words) in [
                ("label", text.update_label),
                ("ready", text.update_ready),
                ("reload", text.update_reload),
                ("reloading", text.update_reloading),
                ("later", text.update_later),
            ] {
                assert!(
                    line.contains(&format!(
                        "{name}: {}",
                        serde_json::to_string(words).unwrap()
                    )),
                    "register.js's {} {name} is not {words:?}",
                    lang.code()
                );
            }
        }
    }
}
