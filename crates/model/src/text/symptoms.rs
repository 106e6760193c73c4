//! The symptom checklist's own words around its rules (the rules carry theirs: symptoms/rules.json).
//!
//! A sentence that holds a link is one text, the link a `{name}` in it (the checklist's views
//! put the link there), so each language has the whole sentence in its own word order. A call
//! link's own words write the number as `{number}`.

texts! {
    /// The symptom checklist's own words around its rules (the rules carry theirs: symptoms/rules.json).
    pub struct SymptomsText {
        /// The page's title and heading.
        title: "Back pain symptom checklist", "Lista de síntomas del dolor de espalda";
        description: "Tick how your back pain feels and learn how soon to get help, emergency signs first. Your answers stay on your device.", "Marque cómo siente el dolor de espalda y sepa qué tan pronto buscar ayuda, empezando por los signos de emergencia. Sus respuestas se quedan en su dispositivo.";
        intro: "Tick anything that matches how your back feels right now. The advice below changes as you tick, starting with the most serious signs.", "Marque todo lo que coincida con cómo siente la espalda ahora. El consejo de abajo cambia a medida que marca, empezando por los signos más graves.";
        not_a_diagnosis: "This checklist is not a diagnosis.", "Esta lista no es un diagnóstico.";
        /// After [`not_a_diagnosis`](Self::not_a_diagnosis) (`{strong}`).
        notice: "{strong} It helps you decide how soon to get help. If you are worried, call the clinic on {phone}, or in an emergency call {emergency}.", "{strong} Le ayuda a decidir qué tan pronto buscar ayuda. Si le preocupa, llame a la clínica al {phone} o, en una emergencia, llame al {emergency}.";
        privacy: "Your answers stay on this device. They are not sent to the clinic or anyone else, and they are gone when you leave or reload the page.", "Sus respuestas se quedan en este dispositivo. No se envían a la clínica ni a nadie más, y se borran cuando sale de la página o la vuelve a cargar.";
        sources_heading: "Where this checklist comes from", "De dónde viene esta lista";
        /// The sources are English pages: the Spanish says so.
        sources_intro: "Each item and its advice is based on these public health sources:", "Cada síntoma y su consejo se basan en estas fuentes de salud pública (en inglés):";
        /// The form's accessible name.
        form_label: "Symptoms", "Síntomas";
        clear_all: "Clear all", "Borrar todo";
        print: "Print or save this summary", "Imprimir o guardar este resumen";
        alert_title: "Emergency: get help now.", "Emergencia: busque ayuda ahora.";
        /// The alert's call link.
        call_now: "Call {number} now", "Llame al {number} ahora";
        /// The call link of the result and of the compact summary.
        call: "Call {number}", "Llame al {number}";
        alert_text: "{call} or go to the nearest emergency department. Do not wait to see if it gets better.", "{call} o vaya a la sala de emergencias más cercana. No espere a ver si mejora.";
        result_heading: "What to do next", "Qué hacer ahora";
        /// Shown until the app runs; `{call}` is [`call_lowercase`](Self::call_lowercase).
        before_app: "If ticking a box changes nothing here, the page has not finished loading. Any sign in the first group needs urgent care: {call} or go to the nearest emergency department.", "Si al marcar una casilla no cambia nada aquí, la página no ha terminado de cargar. Cualquier signo del primer grupo necesita atención urgente: {call} o vaya a la sala de emergencias más cercana.";
        call_lowercase: "call {number}", "llame al {number}";
        result_emergency: "{call} or go to the nearest emergency department.", "{call} o vaya a la sala de emergencias más cercana.";
        reasons_heading: "Because you ticked", "Porque marcó";
        steps_heading: "Next steps", "Próximos pasos";
        talk_heading: "Talk to us", "Hable con nosotros";
        call_clinic: "Call the clinic on {phone}", "Llame a la clínica al {phone}";
        /// `{ask}` is the link, [`ask_clinic_link`](Self::ask_clinic_link).
        ask_clinic: "{ask} (you will see and can change the message before anything is sent; your ticks are not included)", "{ask} (verá el mensaje y podrá cambiarlo antes de que se envíe nada; lo que marcó no se incluye)";
        ask_clinic_link: "Ask the clinic about this", "Pregunte a la clínica sobre esto";
        read_heading: "Read more", "Lea más";
        /// After a link to a post in the other language (a post not translated yet).
        in_other_language: "(in Spanish)", "(en inglés)";
        bar_label: "Result so far", "Resultado hasta ahora";
        bar_result: "Result: ", "Resultado: ";
        bar_more: "See the full result", "Ver el resultado completo";
        print_heading: "Your checklist summary", "Resumen de su lista de síntomas";
        print_ticked: "What you ticked", "Lo que marcó";
        print_nothing: "Nothing was ticked.", "No marcó nada.";
        print_result: "Result", "Resultado";
        print_no_result: "No result: nothing was ticked.", "Sin resultado: no marcó nada.";
        print_numbers: "Emergency number: {emergency}. {clinic}: {phone}.", "Número de emergencias: {emergency}. {clinic}: {phone}.";
        print_not_a_diagnosis: "This checklist is not a diagnosis. It was made on your device from your own answers.", "Esta lista no es un diagnóstico. Se hizo en su dispositivo con sus propias respuestas.";
        /// The neutral state's headline, in the compact summary.
        nothing_ticked: "Nothing ticked yet", "Todavía no ha marcado nada";
        /// What the live region says while nothing is ticked.
        status_nothing: "Nothing is ticked yet. Tick anything that matches how you feel, and what to do next will show here.", "Todavía no ha marcado nada. Marque lo que coincida con lo que siente, y aquí verá qué hacer.";
        ticked_one: "1 item ticked", "1 casilla marcada";
        ticked_many: "{count} items ticked", "{count} casillas marcadas";
        /// What the live region adds in an emergency, after the headline.
        status_call: "Call {number} now or go to the nearest emergency department.", "Llame al {number} ahora o vaya a la sala de emergencias más cercana.";
        unavailable: "Sorry, the checklist cannot be shown right now. If you think it is an emergency, call {emergency}. Otherwise call the clinic on {phone} or {write}.", "Lo sentimos, ahora no se puede mostrar la lista. Si cree que es una emergencia, llame al {emergency}. Si no, llame a la clínica al {phone} o {write}.";
        unavailable_write: "send us a message", "envíenos un mensaje";
        unavailable_detail: "Details for the site's maintainer: ", "Datos para quien mantiene el sitio: ";
    }
}
