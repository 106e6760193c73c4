//! The contact form and its pages: labels, hints, validation, statuses and the thank-you page.

texts! {
    /// The contact form and its pages: labels, hints, validation, statuses and the thank-you page.
    pub struct ContactText {
        page_title: "Contact the clinic", "Contacte a la clínica";
        page_description: "Write to the clinic or call us: ask a question or request an appointment. We reply within one working day.", "Escriba a la clínica o llámenos: haga una pregunta o pida una cita. Respondemos en un plazo de un día hábil.";
        page_intro: "Questions about care, opening hours or a first visit are welcome. Call us, or write and we'll get back to you.", "Puede preguntarnos sobre la atención, el horario o una primera visita. Llámenos o escríbanos y le responderemos.";
        call_compact: "Prefer to talk? Calling is the fastest way: ", "¿Prefiere hablar? Llamar es lo más rápido: ";
        call_heading: "The fastest way: call us", "Lo más rápido: llámenos";
        call_button: "Call ", "Llame al ";
        call_hours_before: "We answer during ", "Contestamos durante el ";
        call_hours_link: "opening hours", "horario de atención";
        call_hours_after: ". Please call for appointments, changes, cancellations and anything that can't wait.", ". Llame para pedir, cambiar o cancelar una cita, y para todo lo que no pueda esperar.";
        unconfigured_strong: "Online messages are not set up on this site yet", "Los mensajes en línea aún no están activados en este sitio";
        unconfigured_after: ", so this form cannot send anything by itself.", ", así que este formulario no puede enviar nada por sí solo.";
        unconfigured_call: "Please call us on ", "Llámenos al ";
        unconfigured_email: ", or write your message below and use the email button: it opens your own email app with the message ready to send to ", ", o escriba su mensaje abajo y use el botón de correo: se abrirá su aplicación de correo con el mensaje listo para enviar a ";
        form_heading: "Send us a message", "Envíenos un mensaje";
        offline_note: "You're offline. You can write your message now: it stays on this page, and you can send it once you're connected.", "No tiene conexión. Puede escribir su mensaje ahora: se queda en esta página y podrá enviarlo cuando tenga conexión.";
        notice_appointments: "Please don't use this form to cancel or change an appointment.", "No use este formulario para cancelar o cambiar una cita.";
        notice_appointments_after: " Call us instead, so the change happens straight away.", " Llámenos, así el cambio se hace de inmediato.";
        notice_medical: "Please don't include detailed medical information. We'll talk it through with you by phone.", "No incluya información médica detallada. Lo hablaremos con usted por teléfono.";
        summary_heading: "Please fix the following before sending", "Corrija lo siguiente antes de enviar";
        /// Read before a field's error by screen readers ("Error" is the same word in Spanish).
        error_prefix: "Error: ", "Error: ";
        label_name: "Your name", "Su nombre";
        label_email: "Email address", "Su correo electrónico";
        label_method: "How should we reply?", "¿Cómo prefiere que le respondamos?";
        label_phone: "Phone number", "Número de teléfono";
        label_message: "Your message", "Su mensaje";
        required: "(required)", "(obligatorio)";
        phone_optional: "(optional, needed for a call or text)", "(opcional, necesario para una llamada o un mensaje de texto)";
        hint_email: "We only use it to reply to you.", "Solo lo usamos para responderle.";
        hint_phone: "A US number, for example (503) 555-0142.", "Un número de EE. UU., por ejemplo (503) 555-0142.";
        hint_message: "Up to 2000 characters. A sentence or two is plenty.", "Hasta 2000 caracteres. Con una o dos frases basta.";
        method_phone: "Phone call", "Llamada telefónica";
        method_email: "Email", "Correo electrónico";
        method_text: "Text message", "Mensaje de texto";
        /// How a reply by each method reads in a sentence ("We reply …, by email.").
        by_phone: "by phone", "por teléfono";
        by_email: "by email", "por correo electrónico";
        by_text: "by text message", "por mensaje de texto";
        sms_consent: "Yes, you may send me text messages about my enquiry and appointments (optional).", "Sí, pueden enviarme mensajes de texto sobre mi consulta y mis citas (opcional).";
        /// The disclosure US carriers require; STOP and HELP are the keywords the service reads.
        sms_terms: "Message frequency varies. Msg & data rates may apply. Reply STOP to opt out and HELP for help. ", "La cantidad de mensajes varía. Pueden aplicarse tarifas de mensajes y datos. Responda STOP para no recibir más mensajes y HELP para pedir ayuda. ";
        sms_not_a_condition: "Consent is not a condition of service or of booking an appointment. ", "Dar su consentimiento no es una condición para recibir atención ni para pedir una cita. ";
        sms_no_sharing: "We never share your mobile number or information with third parties for marketing or promotional purposes.", "Nunca compartimos su número de celular ni su información con terceros para fines de publicidad o promoción.";
        honeypot: "Leave this field empty", "Deje este campo vacío";
        send: "Send message", "Enviar mensaje";
        sending_button: "Sending…", "Enviando…";
        send_by_email_app: "Send with your email app", "Enviar con su aplicación de correo";
        clear: "Clear form", "Borrar el formulario";
        status_sending: "Sending your message…", "Enviando su mensaje…";
        status_cleared: "The form has been cleared.", "Se borró el formulario.";
        sent_heading: "Thank you, your message has been sent", "Gracias, su mensaje se envió";
        reply_promise: "We reply within one working day, {method}.", "Le respondemos en un plazo de un día hábil, {method}.";
        sent_call: "If it is about an appointment today or can't wait, please call ", "Si es sobre una cita de hoy o no puede esperar, llame al ";
        write_another: "Write another message", "Escribir otro mensaje";
        failed_heading: "Your message was not sent", "Su mensaje no se envió";
        /// Why it was not sent, then that nothing typed was lost.
        failed_kept: "{reason} Everything you typed is still here.", "{reason} Todo lo que escribió sigue aquí.";
        failed_call: "Please try again, or call us on ", "Vuelva a intentarlo o llámenos al ";
        retry: "Try sending again", "Volver a enviar";
        failure_server: "The message service had a problem on its side (error {status}).", "El servicio de mensajes tuvo un problema de su lado (error {status}).";
        failure_rejected: "The message service did not accept the message (error {status}).", "El servicio de mensajes no aceptó el mensaje (error {status}).";
        failure_network: "We could not reach the message service: you may be offline. Your message is kept on this page; send it again once you're connected.", "No pudimos conectar con el servicio de mensajes: puede que no tenga conexión. Su mensaje se guarda en esta página; vuelva a enviarlo cuando tenga conexión.";
        failure_timeout: "The message service took too long to answer.", "El servicio de mensajes tardó demasiado en responder.";
        name_missing: "Enter your name, so we know who we are replying to.", "Escriba su nombre, para saber a quién le respondemos.";
        name_control: "Your name contains a hidden control character. Retype your name without pasting it.", "Su nombre tiene un carácter de control oculto. Vuelva a escribir su nombre sin pegarlo.";
        name_too_long: "Your name must be {max} characters or fewer. It is {count} now: please shorten it.", "Su nombre debe tener {max} caracteres o menos. Ahora tiene {count}: escríbalo más corto.";
        email_missing: "Enter your email address, for example name@example.com.", "Escriba su correo electrónico, por ejemplo nombre@example.com.";
        email_control: "Your email address contains a hidden control character. Retype it without pasting it.", "Su correo electrónico tiene un carácter de control oculto. Vuelva a escribirlo sin pegarlo.";
        email_too_long: "Your email address must be {max} characters or fewer. It is {count} now: please shorten it.", "Su correo electrónico debe tener {max} caracteres o menos. Ahora tiene {count}: escríbalo más corto.";
        email_invalid: "Enter your email address in the form name@example.com, with no spaces.", "Escriba su correo electrónico con la forma nombre@example.com, sin espacios.";
        phone_needed: "Enter your phone number so we can reply {method}, or choose email as the way to reply.", "Escriba su número de teléfono para que podamos responderle {method}, o elija que le respondamos por correo electrónico.";
        phone_control: "Your phone number contains a hidden control character. Retype it without pasting it.", "Su número de teléfono tiene un carácter de control oculto. Vuelva a escribirlo sin pegarlo.";
        phone_too_long: "Your phone number must be {max} characters or fewer. It is {count} now: please shorten it.", "Su número de teléfono debe tener {max} caracteres o menos. Ahora tiene {count}: escríbalo más corto.";
        phone_bad_character: "Your phone number can only contain digits, spaces, brackets, dots, dashes and a leading +. For example (503) 555-0142.", "Su número de teléfono solo puede tener números, espacios, paréntesis, puntos, guiones y un + al principio. Por ejemplo: (503) 555-0142.";
        phone_wrong_length: "Enter a US phone number with 10 digits, for example (503) 555-0142. It may start with +1.", "Escriba un número de teléfono de EE. UU. de 10 dígitos, por ejemplo (503) 555-0142. Puede empezar con +1.";
        message_missing: "Enter your message: a sentence or two about what you would like to ask.", "Escriba su mensaje: una o dos frases sobre lo que quiere preguntar.";
        message_control: "Your message contains a hidden control character. Retype the part you pasted.", "Su mensaje tiene un carácter de control oculto. Vuelva a escribir la parte que pegó.";
        message_too_long: "Your message must be {max} characters or fewer. It is {count} now: please shorten it.", "Su mensaje debe tener {max} caracteres o menos. Ahora tiene {count}: escríbalo más corto.";
        /// A field the endpoint refused; `{detail}` is its own reason in brackets, or nothing.
        server_refused: "{field}: the message service did not accept this{detail}. Check it and send again.", "{field}: el servicio de mensajes no aceptó este dato{detail}. Revíselo y vuelva a enviarlo.";
        /// The message a link from the symptom checklist starts with: neutral, no diagnosis.
        topic_back_pain: "I'd like to ask about back pain I've been having. Please get in touch so we can talk it through.", "Quisiera preguntar por un dolor de espalda que tengo. Por favor, comuníquense conmigo para hablarlo.";
        /// The email the patient's own email app opens with, when no endpoint is set up.
        mail_subject: "Message from the website", "Mensaje desde el sitio web";
        mail_subject_named: "Message from the website: {name}", "Mensaje desde el sitio web: {name}";
        mail_name: "Name: {name}", "Nombre: {name}";
        mail_phone: "Phone: {phone}", "Teléfono: {phone}";
        mail_reply: "Please reply {method}.", "Por favor, respóndanme {method}.";
        sent_page_title: "Message sent", "Mensaje enviado";
        sent_page_description: "Your message has reached the clinic. We reply within one working day.", "Su mensaje llegó a la clínica. Respondemos en un plazo de un día hábil.";
        sent_page_promise: "We reply within one working day, the way you asked us to.", "Le respondemos en un plazo de un día hábil, de la forma que nos pidió.";
        sent_page_call: "If it can't wait, call us at ", "Si no puede esperar, llámenos al ";
        sent_page_blog: "Read the blog", "Lea el blog";
        sent_page_symptoms: "Use the symptom checklist", "Use la lista de síntomas";
    }
}
